-- Unusual API activity: each CloudTrail Insights event (a call or error rate far above its
-- baseline), its start joined with its end by shared_event_id, and how many times the baseline the
-- rate rose to.
-- Parameters: first day, last day (YYYY-MM-DD), first day again.
WITH insight_starts AS (
  SELECT *
  FROM insight_events
  WHERE dt BETWEEN ? AND ?
    AND state = 'Start'
),
insight_ends AS (
  SELECT shared_event_id, event_time AS ended_at, insight_average, insight_duration
  FROM insight_events
  WHERE dt >= ?
    AND state = 'End'
)
SELECT
  insight_starts.event_time AS started_at,
  insight_ends.ended_at,
  insight_starts.account_id,
  insight_starts.aws_region,
  insight_starts.insight_type,
  insight_starts.event_source,
  insight_starts.event_name,
  insight_starts.error_code,
  insight_starts.baseline_average,
  insight_starts.insight_average AS average_at_start,
  insight_ends.insight_average AS average_over_insight,
  insight_ends.insight_duration AS minutes,
  ROUND(insight_starts.insight_average / NULLIF(insight_starts.baseline_average, 0), 1)
    AS times_baseline
FROM insight_starts
LEFT JOIN insight_ends
  ON insight_ends.shared_event_id = insight_starts.shared_event_id
ORDER BY started_at, account_id, aws_region, event_source, event_name;
