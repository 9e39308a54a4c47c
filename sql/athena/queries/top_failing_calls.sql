-- The calls that fail most often (service and API name), with their most common error code.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  event_source || ' ' || event_name AS call,
  COUNT(*) AS errors,
  COUNT(DISTINCT principal) AS principals,
  MAX(error_code) AS an_error_code
FROM events
WHERE dt BETWEEN ? AND ?
  AND is_error
GROUP BY event_source || ' ' || event_name
ORDER BY errors DESC, call
LIMIT 15;
