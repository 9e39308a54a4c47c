-- console_login_summary: console sign-ins per window, account, person and country. A person is
-- the user name and, for sign-ins through a role (SSO permission sets, SAML, web identity), the
-- role session's name, which names the person where user_name names the role. logins counts every
-- attempt; failures those whose result is Failure; without_mfa the successful sign-ins made without
-- MFA. Sign-ins that arrive after their window's row was written get further rows (late = TRUE),
-- as in user_activity. Placeholders: ${output}, ${window}.
CREATE TEMPORARY TABLE console_login_summary (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  account_id STRING,
  user_name STRING,
  session_name STRING,
  country_iso_code STRING,
  logins BIGINT,
  failures BIGINT,
  without_mfa BIGINT,
  distinct_source_ips BIGINT,
  late BOOLEAN,
  dt STRING,
  hr STRING
) PARTITIONED BY (dt, hr)
WITH ('path' = '${output}/console_login_summary')
LIKE parquet_table (EXCLUDING ALL OVERWRITING OPTIONS);

CREATE TEMPORARY VIEW console_login_activity AS
SELECT
  rowtime,
  event_window_start,
  late,
  account_id,
  user_name,
  session_name,
  source_ip_address,
  login_result,
  mfa_used,
  geo_city(source_ip_address).country_iso_code AS country_iso_code
FROM activity
WHERE is_console_login;

INSERT INTO console_login_summary
SELECT
  event_window_start,
  event_window_start + ${window},
  account_id,
  user_name,
  session_name,
  country_iso_code,
  COUNT(*) AS logins,
  COUNT(*) FILTER (WHERE login_result = 'Failure') AS failures,
  COUNT(*) FILTER (WHERE login_result = 'Success' AND NOT mfa_used) AS without_mfa,
  COUNT(DISTINCT source_ip_address) AS distinct_source_ips,
  late,
  DATE_FORMAT(event_window_start, 'yyyy-MM-dd') AS dt,
  DATE_FORMAT(event_window_start, 'HH') AS hr
FROM TABLE(TUMBLE(TABLE console_login_activity, DESCRIPTOR(rowtime), ${window}))
GROUP BY
  window_start, window_end, event_window_start, late, account_id, user_name, session_name,
  country_iso_code;
