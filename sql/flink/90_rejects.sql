-- rejects: every skipped file, file that could not be read to the end, and rejected record.
-- Partitioned by the file's day: of the time in its name, else of its day folder, else the day it
-- was processed.
-- Placeholders: ${output}.
CREATE TEMPORARY TABLE rejects (
  source_file STRING,
  `position` BIGINT,
  byte_offset BIGINT,
  reject_type STRING,
  reason STRING,
  detail STRING,
  raw_text STRING,
  file_time TIMESTAMP(3),
  dt STRING
) PARTITIONED BY (dt)
WITH (
  'path' = '${output}/rejects',
  'sink.partition-commit.trigger' = 'process-time',
  'sink.partition-commit.delay' = '0 s',
  'partition.time-extractor.timestamp-pattern' = '$dt 00:00:00'
)
LIKE parquet_table (EXCLUDING ALL OVERWRITING OPTIONS);

INSERT INTO rejects
SELECT
  source_file,
  `position`,
  byte_offset,
  reject_type,
  reason,
  detail,
  raw_text,
  file_time,
  COALESCE(file_day, DATE_FORMAT(CURRENT_TIMESTAMP, 'yyyy-MM-dd')) AS dt
FROM reject_input;
