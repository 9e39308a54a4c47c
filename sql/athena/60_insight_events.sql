-- insight_events: CloudTrail Insights events (unusual API call and error rates). Written by sql/flink/60_insight_events.sql.
-- Replace ${output} with the job's --output location (see README), then run in Athena.
CREATE EXTERNAL TABLE IF NOT EXISTS cloudtrail_analytics.insight_events (
  event_time timestamp,
  event_id string,
  shared_event_id string,
  event_version string,
  account_id string,
  aws_region string,
  insight_type string,
  state string,
  event_source string,
  event_name string,
  error_code string,
  baseline_average double,
  insight_average double,
  baseline_duration bigint,
  insight_duration bigint,
  attributions string,
  source_file string
)
PARTITIONED BY (dt string, hr string)
STORED AS PARQUET
LOCATION '${output}/insight_events/'
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
  'storage.location.template' = '${output}/insight_events/dt=${dt}/hr=${hr}/'
);
