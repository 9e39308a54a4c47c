-- Countries a user signed in from for the first time in the range, other than the first country
-- the tables know for that user: when, from which address and city, and with or without MFA.
-- Parameters: last day, then first day and last day (YYYY-MM-DD).
WITH successful AS (
  SELECT
    user_name,
    country_iso_code,
    city,
    source_ip,
    mfa_used,
    event_time,
    dt,
    ROW_NUMBER() OVER (
      PARTITION BY user_name, country_iso_code ORDER BY event_time, event_id
    ) AS nth_from_country
  FROM console_logins
  WHERE dt <= ?
    AND login_result = 'Success'
    AND country_iso_code IS NOT NULL
),
first_from_country AS (
  SELECT
    *,
    ROW_NUMBER() OVER (PARTITION BY user_name ORDER BY event_time, country_iso_code) AS nth_country
  FROM successful
  WHERE nth_from_country = 1
)
SELECT
  event_time AS first_login,
  user_name,
  country_iso_code,
  city,
  source_ip,
  mfa_used
FROM first_from_country
WHERE nth_country > 1
  AND dt BETWEEN ? AND ?
ORDER BY first_login, user_name;
