-- Findings per hour and severity, most severe first: how many, from how many rules, about how
-- many principals.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  dt,
  hr,
  severity,
  count(*) AS findings,
  count(DISTINCT rule_id) AS rules,
  count(DISTINCT principal) AS principals
FROM findings
WHERE dt BETWEEN ? AND ?
GROUP BY dt, hr, severity
ORDER BY
  dt,
  hr,
  CASE severity
    WHEN 'critical' THEN 1
    WHEN 'high' THEN 2
    WHEN 'medium' THEN 3
    WHEN 'low' THEN 4
    ELSE 5
  END;
