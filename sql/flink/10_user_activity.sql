-- user_activity: one row per window, account and principal, for the events that arrived in time
-- (late = FALSE), and further rows for events that arrived after that row was written (late =
-- TRUE, one per key and window for each stretch of arrivals): summed over a key's rows, the counts
-- are exact whenever events arrive. The activity view holds both: on-time events on their event
-- time, late ones on their arrival time, each with its own window's start (event_window_start).
-- Placeholders: ${output}, ${window}.
CREATE TEMPORARY TABLE user_activity (
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  account_id STRING,
  principal STRING,
  user_name STRING,
  identity_type STRING,
  event_count BIGINT,
  error_count BIGINT,
  error_rate DOUBLE,
  distinct_event_names BIGINT,
  distinct_source_ips BIGINT,
  late BOOLEAN,
  dt STRING,
  hr STRING
) PARTITIONED BY (dt, hr)
WITH ('path' = '${output}/user_activity')
LIKE parquet_table (EXCLUDING ALL OVERWRITING OPTIONS);

INSERT INTO user_activity
SELECT
  event_window_start,
  event_window_start + ${window},
  account_id,
  principal,
  MAX(user_name) AS user_name,
  MAX(identity_type) AS identity_type,
  COUNT(*) AS event_count,
  COUNT(*) FILTER (WHERE is_error) AS error_count,
  CAST(COUNT(*) FILTER (WHERE is_error) AS DOUBLE) / COUNT(*) AS error_rate,
  COUNT(DISTINCT event_name) AS distinct_event_names,
  COUNT(DISTINCT source_ip_address) AS distinct_source_ips,
  late,
  DATE_FORMAT(event_window_start, 'yyyy-MM-dd') AS dt,
  DATE_FORMAT(event_window_start, 'HH') AS hr
FROM TABLE(TUMBLE(TABLE activity, DESCRIPTOR(rowtime), ${window}))
GROUP BY window_start, window_end, event_window_start, late, account_id, principal;
