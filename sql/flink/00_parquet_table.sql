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
  -- Memory: every open file buffers a row group. A backfill touches many hours between two
  -- checkpoints, so files that have had no rows for a minute are closed (committed at the next
  -- checkpoint as usual), and a row group is at most 16 MB: open files, not events, set the heap.
  'sink.rolling-policy.inactivity-interval' = '1 min',
  'sink.rolling-policy.check-interval' = '30 s',
  'parquet.block.size' = '16777216',
  -- ZSTD files are 40% smaller than Snappy's and as fast to write. A column chunk whose dictionary
  -- passes 64 KB is written plain: unique ids and JSON text stop paying for a dictionary at once
  -- (the events writer twice as fast as with the 1 MB default; bench/ ParquetWriterBenchmark).
  'parquet.compression' = 'ZSTD',
  'parquet.dictionary.page.size' = '65536',
  -- The small files each checkpoint writes into a partition (one per writer) are merged, up to
  -- 4 MB, into compacted-part-* files: an hour holds a few files per checkpoint rather than one per
  -- writer. Files of 4 MB and more are only renamed: rewriting them, as a 16 MB target did for a
  -- backfill's 8 MB files, took a fifth of the CPU of a run with every table.
  'auto-compaction' = 'true',
  'compaction.file-size' = '4mb'
);
