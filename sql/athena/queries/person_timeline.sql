-- Everything one person did, in time order: each action with where it came from, and each finding
-- on it (one row per finding; an action without findings has one row with none).
-- Parameters: first day, last day (YYYY-MM-DD) for the findings, the same for the events, then the
-- person's user_name (e.g. nicholas).
SELECT
  e.event_time,
  e.event_source,
  e.event_name,
  e.aws_region,
  e.source_ip_address,
  e.country_iso_code,
  e.error_code,
  f.severity,
  f.rule_title
FROM events AS e
LEFT JOIN (
  SELECT found.severity, found.rule_title, ids.event_id
  FROM findings AS found, UNNEST(found.event_ids) AS ids(event_id)
  WHERE found.dt BETWEEN ? AND ?
) AS f ON f.event_id = e.event_id
WHERE e.dt BETWEEN ? AND ?
  AND e.user_name = ?
ORDER BY e.event_time, e.event_id, f.rule_title;
