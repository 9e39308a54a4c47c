-- console_logins: one row per console sign-in, with its location. Written by sql/flink/30_console_logins.sql.
-- Replace ${output} with the job's --output location (see README), then run in Athena.
CREATE EXTERNAL TABLE IF NOT EXISTS cloudtrail_analytics.console_logins (
  event_time timestamp,
  event_id string,
  account_id string,
  principal string,
  user_name string,
  session_name string,
  identity_type string,
  source_ip string,
  login_result string,
  mfa_used boolean,
  error_message string,
  user_agent string,
  aws_region string,
  country_iso_code string,
  country_name string,
  subdivision string,
  city string,
  latitude double,
  longitude double,
  asn bigint,
  as_org string
)
PARTITIONED BY (dt string, hr string)
STORED AS PARQUET
LOCATION '${output}/console_logins/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2013-01-01,NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'projection.hr.type' = 'integer',
  'projection.hr.range' = '0,23',
  'projection.hr.digits' = '2',
  'storage.location.template' = '${output}/console_logins/dt=${dt}/hr=${hr}/'
);
