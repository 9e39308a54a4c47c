-- Recurring errors: the same error from the same principal and call in several different hours.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  principal,
  event_source,
  event_name,
  error_code,
  COUNT(*) AS errors,
  COUNT(DISTINCT date_trunc('hour', event_time)) AS hours,
  MIN(event_time) AS first_seen,
  MAX(event_time) AS last_seen
FROM events
WHERE dt BETWEEN ? AND ?
  AND is_error
GROUP BY principal, event_source, event_name, error_code
HAVING COUNT(DISTINCT date_trunc('hour', event_time)) > 1
ORDER BY hours DESC, errors DESC, principal, event_source, event_name, error_code;
