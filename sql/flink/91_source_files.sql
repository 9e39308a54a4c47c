-- source_files: one row per file the job finished with: read, rejected part-way, or skipped, and
-- per folder that discovery listed but did not understand (status skipped, file_type folder).
-- Partitioned like rejects. Placeholders: ${output}.
CREATE TEMPORARY TABLE source_files (
  source_file STRING,
  status STRING,
  file_type STRING,
  problem STRING,
  account_id STRING,
  aws_region STRING,
  file_time TIMESTAMP(3),
  events BIGINT,
  rejected_records BIGINT,
  dt STRING
) PARTITIONED BY (dt)
WITH (
  'path' = '${output}/source_files',
  'sink.partition-commit.trigger' = 'process-time',
  'sink.partition-commit.delay' = '0 s',
  'partition.time-extractor.timestamp-pattern' = '$dt 00:00:00'
)
LIKE parquet_table (EXCLUDING ALL OVERWRITING OPTIONS);

INSERT INTO source_files
SELECT
  source_file,
  status,
  file_type,
  problem,
  account_id,
  aws_region,
  file_time,
  events,
  rejected_records,
  COALESCE(file_day, DATE_FORMAT(CURRENT_TIMESTAMP, 'yyyy-MM-dd')) AS dt
FROM source_file_input;
