-- The most common error codes: how many calls failed with each, and for how many principals.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  error_code,
  COUNT(*) AS errors,
  COUNT(DISTINCT principal) AS principals
FROM events
WHERE dt BETWEEN ? AND ?
  AND is_error
GROUP BY error_code
ORDER BY errors DESC, error_code
LIMIT 15;
