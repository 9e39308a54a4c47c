-- Findings per hour and severity, for a chart over time.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  date_trunc('hour', event_time) AS hour,
  severity,
  COUNT(*) AS findings
FROM findings
WHERE dt BETWEEN ? AND ?
GROUP BY date_trunc('hour', event_time), severity
ORDER BY hour, severity;
