-- Input set aside, by reason: what was listed but not read (skipped files and folders, files not
-- read to the end, rejected records), so that a reader of the dashboards learns of it. No rows is
-- the good answer.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  reject_type,
  reason,
  COUNT(DISTINCT source_file) AS files,
  COUNT(CASE WHEN reject_type = 'rejected_record' THEN 1 END) AS records,
  MIN(source_file) AS first_file
FROM rejects
WHERE dt BETWEEN ? AND ?
GROUP BY reject_type, reason
ORDER BY files DESC, records DESC, reject_type, reason;
