-- user_activity: one row per window, account and principal. Placeholders: ${output}, ${window}.
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
  dt STRING,
  hr STRING
) PARTITIONED BY (dt, hr)
WITH ('path' = '${output}/user_activity')
LIKE parquet_table (EXCLUDING ALL OVERWRITING OPTIONS);

INSERT INTO user_activity
SELECT
  window_start,
  window_end,
  account_id,
  principal,
  MAX(user_name) AS user_name,
  MAX(identity_type) AS identity_type,
  COUNT(*) AS event_count,
  COUNT(*) FILTER (WHERE is_error) AS error_count,
  CAST(COUNT(*) FILTER (WHERE is_error) AS DOUBLE) / COUNT(*) AS error_rate,
  COUNT(DISTINCT event_name) AS distinct_event_names,
  COUNT(DISTINCT source_ip_address) AS distinct_source_ips,
  DATE_FORMAT(window_start, 'yyyy-MM-dd') AS dt,
  DATE_FORMAT(window_start, 'HH') AS hr
FROM TABLE(TUMBLE(TABLE activity, DESCRIPTOR(rowtime), ${window}))
GROUP BY window_start, window_end, account_id, principal;
