-- source_files: one row per file read, rejected or skipped, and per folder listed but not understood. Written by sql/flink/91_source_files.sql.
-- Replace ${output} with the job's --output location (see README), then run in Athena.
CREATE EXTERNAL TABLE IF NOT EXISTS cloudtrail_analytics.source_files (
  source_file string,
  status string,
  file_type string,
  problem string,
  account_id string,
  aws_region string,
  file_time timestamp,
  events bigint,
  rejected_records bigint
)
PARTITIONED BY (dt string)
STORED AS PARQUET
LOCATION '${output}/source_files/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2013-01-01,NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'storage.location.template' = '${output}/source_files/dt=${dt}/'
);
