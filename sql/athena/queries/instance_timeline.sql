-- Everything about one EC2 instance, in time order: what was done to it (its id in the request)
-- and what it did with its role's credentials (a session named after it), with who, where from,
-- and each finding on the event (one row per finding).
-- Parameters: first day, last day (YYYY-MM-DD) for the findings, the same for the events, then the
-- instance id twice (e.g. i-0webserver0000001).
SELECT
  e.event_time,
  e.event_name,
  e.user_name,
  e.session_name,
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
  AND (strpos(e.request_parameters, '"' || ? || '"') > 0 OR e.session_name = ?)
ORDER BY e.event_time, e.event_id, f.rule_title;
