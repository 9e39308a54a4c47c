-- Everything one user did from the AWS console in a time range, sign-ins included.
-- Parameters: first day, last day (YYYY-MM-DD), user name, from and to (timestamps, UTC).
SELECT
  event_time,
  event_source,
  event_name,
  aws_region,
  source_ip_address,
  country_iso_code,
  error_code,
  request_parameters
FROM events
WHERE dt BETWEEN ? AND ?
  AND user_name = ?
  AND event_time >= ?
  AND event_time < ?
  AND (session_credential_from_console = 'true' OR event_name = 'ConsoleLogin')
ORDER BY event_time;
