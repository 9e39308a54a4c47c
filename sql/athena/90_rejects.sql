-- rejects: skipped files, files not read to the end, and rejected records. Written by sql/flink/90_rejects.sql.
-- Replace ${output} with the job's --output location (see README), then run in Athena.
CREATE EXTERNAL TABLE IF NOT EXISTS cloudtrail_analytics.rejects (
  source_file string,
  `position` bigint,
  byte_offset bigint,
  reject_type string,
  reason string,
  detail string,
  raw_text string,
  file_time timestamp
)
PARTITIONED BY (dt string)
STORED AS PARQUET
LOCATION '${output}/rejects/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2013-01-01,NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'storage.location.template' = '${output}/rejects/dt=${dt}/'
);
