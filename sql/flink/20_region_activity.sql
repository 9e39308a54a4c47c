-- region_activity: one row per window, account and region, and further rows for late events, as
-- in user_activity. Placeholders: ${output}, ${window}.
CREATE TEMPORARY TABLE region_activity (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  account_id STRING,
  aws_region STRING,
  event_count BIGINT,
  error_count BIGINT,
  error_rate DOUBLE,
  distinct_principals BIGINT,
  distinct_event_sources BIGINT,
  late BOOLEAN,
  dt STRING,
  hr STRING
) PARTITIONED BY (dt, hr)
WITH ('path' = '${output}/region_activity')
LIKE parquet_table (EXCLUDING ALL OVERWRITING OPTIONS);

INSERT INTO region_activity
SELECT
  event_window_start,
  event_window_start + ${window},
  account_id,
  aws_region,
  COUNT(*) AS event_count,
  COUNT(*) FILTER (WHERE is_error) AS error_count,
  CAST(COUNT(*) FILTER (WHERE is_error) AS DOUBLE) / COUNT(*) AS error_rate,
  COUNT(DISTINCT principal) AS distinct_principals,
  COUNT(DISTINCT event_source) AS distinct_event_sources,
  late,
  DATE_FORMAT(event_window_start, 'yyyy-MM-dd') AS dt,
  DATE_FORMAT(event_window_start, 'HH') AS hr
FROM TABLE(TUMBLE(TABLE activity, DESCRIPTOR(rowtime), ${window}))
GROUP BY window_start, window_end, event_window_start, late, account_id, aws_region;
