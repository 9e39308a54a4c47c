-- late_events: events that arrived after their window had been written. Written by sql/flink/80_late_events.sql.
-- Replace ${output} with the job's --output location (see README), then run in Athena.
CREATE EXTERNAL TABLE IF NOT EXISTS cloudtrail_analytics.late_events (
  event_id string,
  event_time timestamp,
  account_id string,
  aws_region string,
  principal string,
  event_name string,
  source_file string,
  arrival_watermark timestamp
)
PARTITIONED BY (dt string, hr string)
STORED AS PARQUET
LOCATION '${output}/late_events/'
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
  'storage.location.template' = '${output}/late_events/dt=${dt}/hr=${hr}/'
);
