-- The findings on one event, most severe first: the rules it matched and the stateful detections
-- that counted it (such a finding lists every event it saw).
-- Parameters: first day, last day (YYYY-MM-DD), event id.
SELECT
  found.severity,
  found.rule_title,
  found.event_time
FROM findings AS found, UNNEST(found.event_ids) AS ids(event_id)
WHERE found.dt BETWEEN ? AND ?
  AND ids.event_id = ?
ORDER BY
  CASE found.severity
    WHEN 'critical' THEN 1
    WHEN 'high' THEN 2
    WHEN 'medium' THEN 3
    WHEN 'low' THEN 4
    ELSE 5
  END,
  found.rule_title;
