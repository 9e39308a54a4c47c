-- Root user activity: every call and sign-in made as the account's root user.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  event_time,
  account_id,
  event_source,
  event_name,
  source_ip_address,
  country_iso_code,
  user_agent,
  error_code
FROM events
WHERE dt BETWEEN ? AND ?
  AND identity_type = 'Root'
ORDER BY event_time;
