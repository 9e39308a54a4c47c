-- Console sign-ins by user, country and city: attempts, failures, successful sign-ins without MFA,
-- and whether the country is new for the user (no sign-in from it before the first day).
-- Parameters: first day, last day (YYYY-MM-DD), first day again.
-- (The sign-ins in range are `attempts`: an output column may not share a name with a CTE in Athena.)
WITH attempts AS (
  SELECT *
  FROM console_logins
  WHERE dt BETWEEN ? AND ?
),
known_countries AS (
  SELECT DISTINCT user_name, country_iso_code
  FROM console_logins
  WHERE dt < ?
    AND country_iso_code IS NOT NULL
)
SELECT
  attempts.user_name,
  attempts.country_iso_code,
  attempts.city,
  COUNT(*) AS logins,
  SUM(CASE WHEN login_result = 'Failure' THEN 1 ELSE 0 END) AS failures,
  SUM(CASE WHEN login_result = 'Success' AND NOT mfa_used THEN 1 ELSE 0 END) AS without_mfa,
  COUNT(DISTINCT source_ip) AS source_ips,
  MIN(event_time) AS first_login,
  MAX(event_time) AS last_login,
  attempts.country_iso_code IS NOT NULL AND MAX(known_countries.user_name) IS NULL AS new_country
FROM attempts
LEFT JOIN known_countries
  ON known_countries.user_name = attempts.user_name
  AND known_countries.country_iso_code = attempts.country_iso_code
GROUP BY attempts.user_name, attempts.country_iso_code, attempts.city
ORDER BY logins DESC, attempts.user_name, attempts.country_iso_code, attempts.city;
