-- The share of calls that failed, per hour, over every account and region, from region_activity.
-- Counts every event: the rows of late arrivals (late = true) are summed with the others.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  date_trunc('hour', window_start) AS hour,
  SUM(event_count) AS events,
  SUM(error_count) AS errors,
  CAST(SUM(error_count) AS double) / SUM(event_count) AS error_rate
FROM region_activity
WHERE dt BETWEEN ? AND ?
GROUP BY date_trunc('hour', window_start)
ORDER BY hour;
