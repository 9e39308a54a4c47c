-- console_login_summary: console sign-ins per window, account, person (user_name and the role's
-- session_name) and country; late = true on the further rows for sign-ins that arrived after the
-- window's row was written. Aggregate with SUM. Written by sql/flink/40_console_login_summary.sql.
-- Replace ${output} with the job's --output location (see README), then run in Athena.
CREATE EXTERNAL TABLE IF NOT EXISTS cloudtrail_analytics.console_login_summary (
  window_start timestamp,
  window_end timestamp,
  account_id string,
  user_name string,
  session_name string,
  country_iso_code string,
  logins bigint,
  failures bigint,
  without_mfa bigint,
  distinct_source_ips bigint,
  late boolean
)
PARTITIONED BY (dt string, hr string)
STORED AS PARQUET
LOCATION '${output}/console_login_summary/'
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
  'storage.location.template' = '${output}/console_login_summary/dt=${dt}/hr=${hr}/'
);
