-- findings: what the Sigma rules and the stateful detections found. Written by sql/flink/70_findings.sql.
-- Replace ${output} with the job's --output location (see README), then run in Athena.
CREATE EXTERNAL TABLE IF NOT EXISTS cloudtrail_analytics.findings (
  finding_id string,
  rule_id string,
  rule_title string,
  severity string,
  tags array<string>,
  event_time timestamp,
  account_id string,
  aws_region string,
  principal string,
  user_name string,
  session_name string,
  source_ip_address string,
  country_iso_code string,
  event_source string,
  event_name string,
  event_ids array<string>,
  details string
)
PARTITIONED BY (dt string, hr string)
STORED AS PARQUET
LOCATION '${output}/findings/'
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
  'storage.location.template' = '${output}/findings/dt=${dt}/hr=${hr}/'
);
