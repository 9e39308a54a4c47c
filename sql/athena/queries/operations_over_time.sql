-- General operations: events per hour by region, by service and by user, in one result
-- (dimension = 'region', 'service' or 'user').
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  date_trunc('hour', event_time) AS hour,
  CASE
    WHEN GROUPING(aws_region) = 0 THEN 'region'
    WHEN GROUPING(event_source) = 0 THEN 'service'
    ELSE 'user'
  END AS dimension,
  COALESCE(aws_region, event_source, user_name) AS value,
  COUNT(*) AS events,
  SUM(CASE WHEN is_error THEN 1 ELSE 0 END) AS errors
FROM events
WHERE dt BETWEEN ? AND ?
GROUP BY GROUPING SETS (
  (date_trunc('hour', event_time), aws_region),
  (date_trunc('hour', event_time), event_source),
  (date_trunc('hour', event_time), user_name)
)
ORDER BY hour, dimension, events DESC, value;
