-- The latest findings, newest first: what fired, how severe, about whom, from where.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  event_time,
  severity,
  rule_title,
  principal,
  event_name,
  source_ip_address,
  country_iso_code,
  aws_region
FROM findings
WHERE dt BETWEEN ? AND ?
ORDER BY event_time DESC, severity, finding_id
LIMIT 50;
