-- General operations: events per hour by region, by service and by user, in one result
-- (dimension = 'region', 'service' or 'user').
-- Parameters: first day, last day (YYYY-MM-DD).
-- The hour is computed first: Athena (Trino) allows only column references in GROUPING SETS
-- used with GROUPING().
WITH hourly AS (
  SELECT
    date_trunc('hour', event_time) AS hour,
    aws_region,
    event_source,
    user_name,
    is_error
  FROM events
  WHERE dt BETWEEN ? AND ?
)
SELECT
  hour,
  CASE
    WHEN GROUPING(aws_region) = 0 THEN 'region'
    WHEN GROUPING(event_source) = 0 THEN 'service'
    ELSE 'user'
  END AS dimension,
  COALESCE(aws_region, event_source, user_name) AS value,
  COUNT(*) AS events,
  SUM(CASE WHEN is_error THEN 1 ELSE 0 END) AS errors
FROM hourly
GROUP BY GROUPING SETS (
  (hour, aws_region),
  (hour, event_source),
  (hour, user_name)
)
ORDER BY hour, dimension, events DESC, value;
