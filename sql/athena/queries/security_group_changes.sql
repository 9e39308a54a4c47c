-- EC2 security group changes: who created, deleted or changed which group, and the rules
-- (protocol, ports and address ranges, e.g. 0.0.0.0/0 for the whole internet).
-- Parameters: first day, last day (YYYY-MM-DD).
-- NULLIF: where a field is absent, regexp_extract gives NULL in Athena but '' in DuckDB (used in tests).
SELECT
  event_time,
  event_name,
  user_name,
  source_ip_address,
  country_iso_code,
  aws_region,
  NULLIF(regexp_extract(request_parameters, '"groupId":"([^"]+)"', 1), '') AS group_id,
  NULLIF(regexp_extract(request_parameters, '"groupName":"([^"]+)"', 1), '') AS group_name,
  NULLIF(regexp_extract(request_parameters, '"ipProtocol":"([^"]+)"', 1), '') AS protocol,
  NULLIF(regexp_extract(request_parameters, '"fromPort":(-?[0-9]+)', 1), '') AS from_port,
  NULLIF(regexp_extract(request_parameters, '"toPort":(-?[0-9]+)', 1), '') AS to_port,
  regexp_extract_all(request_parameters, '"cidrIp(v6)?":"([^"]+)"', 2) AS address_ranges,
  error_code
FROM events
WHERE dt BETWEEN ? AND ?
  AND event_source = 'ec2.amazonaws.com'
  AND event_name IN (
    'AuthorizeSecurityGroupIngress',
    'AuthorizeSecurityGroupEgress',
    'RevokeSecurityGroupIngress',
    'RevokeSecurityGroupEgress',
    'CreateSecurityGroup',
    'DeleteSecurityGroup',
    'ModifySecurityGroupRules'
  )
ORDER BY event_time;
