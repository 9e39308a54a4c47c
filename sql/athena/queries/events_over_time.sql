-- Events and errors per hour by account and region, from region_activity (no scan of the events).
-- Counts every event: the rows of late arrivals (late = true) are summed with the others.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  date_trunc('hour', window_start) AS hour,
  account_id || ' ' || aws_region AS account_region,
  SUM(event_count) AS events,
  SUM(error_count) AS errors
FROM region_activity
WHERE dt BETWEEN ? AND ?
GROUP BY date_trunc('hour', window_start), account_id || ' ' || aws_region
ORDER BY hour, account_region;
