-- console_logins: one row per console sign-in, on time or late, with where it came from.
-- geo_city and geo_asn return null when the job has no database or the IP is not in it.
-- Partitioned by the event's own time. Placeholders: ${output}.
CREATE TEMPORARY TABLE console_logins (
  event_time TIMESTAMP(3),
  event_id STRING,
  account_id STRING,
  principal STRING,
  user_name STRING,
  session_name STRING,
  identity_type STRING,
  source_ip STRING,
  login_result STRING,
  mfa_used BOOLEAN,
  error_message STRING,
  user_agent STRING,
  aws_region STRING,
  country_iso_code STRING,
  country_name STRING,
  subdivision STRING,
  city STRING,
  latitude DOUBLE,
  longitude DOUBLE,
  asn BIGINT,
  as_org STRING,
  dt STRING,
  hr STRING
) PARTITIONED BY (dt, hr)
WITH ('path' = '${output}/console_logins')
LIKE parquet_table (EXCLUDING ALL OVERWRITING OPTIONS);

INSERT INTO console_logins
SELECT
  event_time,
  event_id,
  account_id,
  principal,
  user_name,
  session_name,
  identity_type,
  source_ip,
  login_result,
  mfa_used,
  error_message,
  user_agent,
  aws_region,
  place.country_iso_code,
  place.country_name,
  place.subdivision,
  place.city,
  place.latitude,
  place.longitude,
  network.asn,
  network.as_org,
  DATE_FORMAT(event_time, 'yyyy-MM-dd') AS dt,
  DATE_FORMAT(event_time, 'HH') AS hr
FROM (
  SELECT *, geo_city(source_ip) AS place, geo_asn(source_ip) AS network
  FROM console_login_input
);
