-- Who the findings are about: per principal, how many, how many high or critical, from how many
-- rules, first and last; the fifty with the most severe findings first.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  account_id,
  principal,
  max(user_name) AS user_name,
  count(*) AS findings,
  sum(CASE WHEN severity IN ('high', 'critical') THEN 1 ELSE 0 END) AS high_or_critical,
  count(DISTINCT rule_id) AS rules,
  min(event_time) AS first_finding,
  max(event_time) AS last_finding
FROM findings
WHERE dt BETWEEN ? AND ?
GROUP BY account_id, principal
ORDER BY high_or_critical DESC, findings DESC, account_id, principal
LIMIT 50;
