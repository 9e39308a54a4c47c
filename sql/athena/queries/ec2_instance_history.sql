-- Activity history of one EC2 instance: who started, stopped, changed or terminated it, when,
-- from which IP address and country.
-- Parameters: first day, last day (YYYY-MM-DD), instance id (e.g. i-0webserver0000001).
SELECT
  event_time,
  event_name,
  user_name,
  identity_type,
  source_ip_address,
  country_iso_code,
  aws_region,
  error_code
FROM events
WHERE dt BETWEEN ? AND ?
  AND event_source = 'ec2.amazonaws.com'
  AND strpos(request_parameters, '"' || ? || '"') > 0
ORDER BY event_time;
