-- late_events: events that arrived after their window had been written, so that none disappears.
-- Partitioned by the event's own time. Placeholders: ${output}.
CREATE TEMPORARY TABLE late_events (
  event_id STRING,
  event_time TIMESTAMP(3),
  account_id STRING,
  aws_region STRING,
  principal STRING,
  event_name STRING,
  source_file STRING,
  arrival_watermark TIMESTAMP(3),
  dt STRING,
  hr STRING
) PARTITIONED BY (dt, hr)
WITH ('path' = '${output}/late_events')
LIKE parquet_table (EXCLUDING ALL OVERWRITING OPTIONS);

INSERT INTO late_events
SELECT
  event_id,
  event_time,
  account_id,
  aws_region,
  principal,
  event_name,
  source_file,
  arrival_watermark,
  DATE_FORMAT(event_time, 'yyyy-MM-dd') AS dt,
  DATE_FORMAT(event_time, 'HH') AS hr
FROM late_event_input;
