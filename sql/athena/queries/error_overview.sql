-- Error overview: the most common errors, by user, service and API call.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  error_code,
  event_source,
  event_name,
  user_name,
  COUNT(*) AS errors,
  MIN(event_time) AS first_seen,
  MAX(event_time) AS last_seen,
  MAX(error_message) AS example_message
FROM events
WHERE dt BETWEEN ? AND ?
  AND is_error
GROUP BY error_code, event_source, event_name, user_name
ORDER BY errors DESC, error_code, event_source, event_name, user_name
LIMIT 100;
