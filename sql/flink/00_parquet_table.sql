-- Options shared by every output table. Each table copies them with
--   LIKE parquet_table (EXCLUDING ALL OVERWRITING OPTIONS)
-- and sets its own path. Placeholders: ${output} (the output location).
CREATE TEMPORARY TABLE parquet_table
WITH (
  'connector' = 'filesystem',
  'path' = '${output}',
  'format' = 'parquet',
  -- TIMESTAMP columns are written as INT96 instants in UTC, which Athena reads as timestamp.
  'parquet.utc-timezone' = 'true',
  -- A partition is complete, and gets its _SUCCESS file, once the watermark is an hour past its start.
  'sink.partition-commit.trigger' = 'partition-time',
  'partition.time-extractor.timestamp-pattern' = '$dt $hr:00:00',
  'sink.partition-commit.delay' = '1 h',
  'sink.partition-commit.watermark-time-zone' = 'UTC',
  'sink.partition-commit.policy.kind' = 'success-file',
  -- The small files each checkpoint writes into a partition (one per writer) are merged, up to
  -- 16 MB, into compacted-part-* files: an hour holds a few files per checkpoint rather than one per
  -- writer. Larger files are big enough for Athena as they are; rewriting them cost a quarter of the
  -- CPU of a run with the events table.
  'auto-compaction' = 'true',
  'compaction.file-size' = '16mb'
);
