-- region_activity: events and errors per window, account and region; late = true on the further
-- rows that count events arriving after the window's row was written. Aggregate with SUM over a
-- key's rows. Written by sql/flink/20_region_activity.sql.
-- Replace ${output} with the job's --output location (see README), then run in Athena.
CREATE EXTERNAL TABLE IF NOT EXISTS cloudtrail_analytics.region_activity (
  window_start timestamp,
  window_end timestamp,
  account_id string,
  aws_region string,
  event_count bigint,
  error_count bigint,
  error_rate double,
  distinct_principals bigint,
  distinct_event_sources bigint,
  late boolean
)
PARTITIONED BY (dt string, hr string)
STORED AS PARQUET
LOCATION '${output}/region_activity/'
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
  'storage.location.template' = '${output}/region_activity/dt=${dt}/hr=${hr}/'
);
