-- S3: buckets created and deleted, and object-level (data event) activity, by bucket and key.
-- Parameters: first day, last day (YYYY-MM-DD).
-- NULLIF: where a field is absent, regexp_extract gives NULL in Athena but '' in DuckDB (used in tests).
SELECT
  event_time,
  event_name,
  event_category,
  user_name,
  source_ip_address,
  NULLIF(regexp_extract(request_parameters, '"bucketName":"([^"]+)"', 1), '') AS bucket,
  NULLIF(regexp_extract(request_parameters, '"key":"([^"]+)"', 1), '') AS object_key,
  error_code
FROM events
WHERE dt BETWEEN ? AND ?
  AND event_source = 's3.amazonaws.com'
  AND (event_name IN ('CreateBucket', 'DeleteBucket') OR event_category = 'Data')
ORDER BY event_time;
