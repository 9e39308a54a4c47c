-- Files not read whole: every file or folder listed that was skipped, rejected, or read with
-- records rejected, and why. No rows is the good answer.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  source_file,
  status,
  file_type,
  problem,
  file_time,
  events,
  rejected_records
FROM source_files
WHERE dt BETWEEN ? AND ?
  AND (status <> 'read' OR rejected_records > 0)
ORDER BY status, source_file;
