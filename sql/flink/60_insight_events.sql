-- insight_events: every CloudTrail Insights event (unusual API call or error rates), from the
-- trail's CloudTrail-Insight/ files; a Start and an End event share shared_event_id. Partitioned by
-- the event's own time. Placeholders: ${output}.
CREATE TEMPORARY TABLE insight_events (
  event_time TIMESTAMP(3),
  event_id STRING,
  shared_event_id STRING,
  event_version STRING,
  account_id STRING,
  aws_region STRING,
  insight_type STRING,
  state STRING,
  event_source STRING,
  event_name STRING,
  error_code STRING,
  baseline_average DOUBLE,
  insight_average DOUBLE,
  baseline_duration BIGINT,
  insight_duration BIGINT,
  attributions STRING,
  source_file STRING,
  dt STRING,
  hr STRING
) PARTITIONED BY (dt, hr)
WITH ('path' = '${output}/insight_events')
LIKE parquet_table (EXCLUDING ALL OVERWRITING OPTIONS);

INSERT INTO insight_events
SELECT
  event_time,
  event_id,
  shared_event_id,
  event_version,
  account_id,
  aws_region,
  insight_type,
  state,
  event_source,
  event_name,
  error_code,
  baseline_average,
  insight_average,
  baseline_duration,
  insight_duration,
  attributions,
  source_file,
  DATE_FORMAT(event_time, 'yyyy-MM-dd') AS dt,
  DATE_FORMAT(event_time, 'HH') AS hr
FROM insight_event_input;
