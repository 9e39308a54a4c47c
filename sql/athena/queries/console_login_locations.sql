-- Where console sign-ins came from, for a map: each place (latitude, longitude) with its sign-ins,
-- failures and users. Sign-ins from addresses the GeoIP database does not know are left out.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  latitude,
  longitude,
  country_iso_code,
  city,
  COUNT(*) AS logins,
  SUM(CASE WHEN login_result = 'Failure' THEN 1 ELSE 0 END) AS failures,
  COUNT(DISTINCT user_name) AS users
FROM console_logins
WHERE dt BETWEEN ? AND ?
  AND latitude IS NOT NULL
  AND longitude IS NOT NULL
GROUP BY latitude, longitude, country_iso_code, city
ORDER BY logins DESC, country_iso_code, city;
