-- EC2 instances stopped or terminated: when, which instances, by whom, from which address and
-- country, and the console sign-in that began the caller's session: their last successful sign-in
-- at or before the session's creation (where from, with or without MFA). Calls made with access
-- keys have no sign-in.
-- Parameters: first day, last day (YYYY-MM-DD) for the calls, the same for the sign-ins.
WITH stops AS (
  SELECT
    event_time,
    event_id,
    event_name,
    account_id,
    user_name,
    identity_type,
    source_ip_address,
    country_iso_code,
    COALESCE(session_creation_date, event_time) AS session_began,
    regexp_extract_all(request_parameters, '"instanceId":"([^"]+)"', 1) AS instance_ids
  FROM events
  WHERE dt BETWEEN ? AND ?
    AND event_source = 'ec2.amazonaws.com'
    AND event_name IN ('StopInstances', 'TerminateInstances')
    AND NOT is_error
),
sign_ins AS (
  SELECT event_time, event_id, account_id, user_name, source_ip, city, country_iso_code, mfa_used
  FROM console_logins
  WHERE dt BETWEEN ? AND ?
    AND login_result = 'Success'
),
latest_sign_in AS (
  SELECT
    stops.*,
    sign_ins.event_time AS signed_in_at,
    sign_ins.source_ip AS sign_in_ip,
    sign_ins.city AS sign_in_city,
    sign_ins.country_iso_code AS sign_in_country,
    sign_ins.mfa_used AS sign_in_mfa_used,
    sign_ins.event_id AS sign_in_event_id,
    ROW_NUMBER() OVER (
      PARTITION BY stops.event_id ORDER BY sign_ins.event_time DESC
    ) AS nth_latest
  FROM stops
  LEFT JOIN sign_ins
    ON sign_ins.account_id = stops.account_id
    AND sign_ins.user_name = stops.user_name
    AND sign_ins.event_time <= stops.session_began
)
SELECT
  event_time,
  event_name,
  instance_ids,
  account_id,
  user_name,
  identity_type,
  source_ip_address,
  country_iso_code,
  signed_in_at,
  sign_in_ip,
  sign_in_city,
  sign_in_country,
  sign_in_mfa_used,
  sign_in_event_id
FROM latest_sign_in
WHERE nth_latest = 1
ORDER BY event_time, event_id;
