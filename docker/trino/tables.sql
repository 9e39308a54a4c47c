-- Generated from sql/athena/ by TrinoDdl (test code); DeploymentFilesTest checks it.
-- The job's tables in Trino's syntax, with Athena's partition projection.
CREATE SCHEMA IF NOT EXISTS cloudtrail_analytics;

CREATE TABLE IF NOT EXISTS cloudtrail_analytics.user_activity (
  "window_start" timestamp(3),
  "window_end" timestamp(3),
  "account_id" varchar,
  "principal" varchar,
  "user_name" varchar,
  "identity_type" varchar,
  "event_count" bigint,
  "error_count" bigint,
  "error_rate" double,
  "distinct_event_names" bigint,
  "distinct_source_ips" bigint,
  "late" boolean,
  "dt" varchar WITH (
    partition_projection_type = 'DATE',
    partition_projection_format = 'yyyy-MM-dd',
    partition_projection_range = ARRAY['2013-01-01', 'NOW'],
    partition_projection_interval = 1,
    partition_projection_interval_unit = 'DAYS'
  ),
  "hr" varchar WITH (
    partition_projection_type = 'INTEGER',
    partition_projection_range = ARRAY['0', '23'],
    partition_projection_digits = 2
  )
) WITH (
  external_location = 's3://cloudtrail-tables/user_activity',
  format = 'PARQUET',
  partitioned_by = ARRAY['dt', 'hr'],
  partition_projection_enabled = true,
  partition_projection_location_template = 's3://cloudtrail-tables/user_activity/dt=${dt}/hr=${hr}'
);

CREATE TABLE IF NOT EXISTS cloudtrail_analytics.region_activity (
  "window_start" timestamp(3),
  "window_end" timestamp(3),
  "account_id" varchar,
  "aws_region" varchar,
  "event_count" bigint,
  "error_count" bigint,
  "error_rate" double,
  "distinct_principals" bigint,
  "distinct_event_sources" bigint,
  "late" boolean,
  "dt" varchar WITH (
    partition_projection_type = 'DATE',
    partition_projection_format = 'yyyy-MM-dd',
    partition_projection_range = ARRAY['2013-01-01', 'NOW'],
    partition_projection_interval = 1,
    partition_projection_interval_unit = 'DAYS'
  ),
  "hr" varchar WITH (
    partition_projection_type = 'INTEGER',
    partition_projection_range = ARRAY['0', '23'],
    partition_projection_digits = 2
  )
) WITH (
  external_location = 's3://cloudtrail-tables/region_activity',
  format = 'PARQUET',
  partitioned_by = ARRAY['dt', 'hr'],
  partition_projection_enabled = true,
  partition_projection_location_template = 's3://cloudtrail-tables/region_activity/dt=${dt}/hr=${hr}'
);

CREATE TABLE IF NOT EXISTS cloudtrail_analytics.console_logins (
  "event_time" timestamp(3),
  "event_id" varchar,
  "account_id" varchar,
  "principal" varchar,
  "user_name" varchar,
  "session_name" varchar,
  "identity_type" varchar,
  "source_ip" varchar,
  "login_result" varchar,
  "mfa_used" boolean,
  "error_message" varchar,
  "user_agent" varchar,
  "aws_region" varchar,
  "country_iso_code" varchar,
  "country_name" varchar,
  "subdivision" varchar,
  "city" varchar,
  "latitude" double,
  "longitude" double,
  "asn" bigint,
  "as_org" varchar,
  "dt" varchar WITH (
    partition_projection_type = 'DATE',
    partition_projection_format = 'yyyy-MM-dd',
    partition_projection_range = ARRAY['2013-01-01', 'NOW'],
    partition_projection_interval = 1,
    partition_projection_interval_unit = 'DAYS'
  ),
  "hr" varchar WITH (
    partition_projection_type = 'INTEGER',
    partition_projection_range = ARRAY['0', '23'],
    partition_projection_digits = 2
  )
) WITH (
  external_location = 's3://cloudtrail-tables/console_logins',
  format = 'PARQUET',
  partitioned_by = ARRAY['dt', 'hr'],
  partition_projection_enabled = true,
  partition_projection_location_template = 's3://cloudtrail-tables/console_logins/dt=${dt}/hr=${hr}'
);

CREATE TABLE IF NOT EXISTS cloudtrail_analytics.console_login_summary (
  "window_start" timestamp(3),
  "window_end" timestamp(3),
  "account_id" varchar,
  "user_name" varchar,
  "session_name" varchar,
  "country_iso_code" varchar,
  "logins" bigint,
  "failures" bigint,
  "without_mfa" bigint,
  "distinct_source_ips" bigint,
  "late" boolean,
  "dt" varchar WITH (
    partition_projection_type = 'DATE',
    partition_projection_format = 'yyyy-MM-dd',
    partition_projection_range = ARRAY['2013-01-01', 'NOW'],
    partition_projection_interval = 1,
    partition_projection_interval_unit = 'DAYS'
  ),
  "hr" varchar WITH (
    partition_projection_type = 'INTEGER',
    partition_projection_range = ARRAY['0', '23'],
    partition_projection_digits = 2
  )
) WITH (
  external_location = 's3://cloudtrail-tables/console_login_summary',
  format = 'PARQUET',
  partitioned_by = ARRAY['dt', 'hr'],
  partition_projection_enabled = true,
  partition_projection_location_template = 's3://cloudtrail-tables/console_login_summary/dt=${dt}/hr=${hr}'
);

CREATE TABLE IF NOT EXISTS cloudtrail_analytics.events (
  "event_time" timestamp(3),
  "event_version" varchar,
  "event_source" varchar,
  "event_name" varchar,
  "aws_region" varchar,
  "source_ip_address" varchar,
  "country_iso_code" varchar,
  "user_agent" varchar,
  "error_code" varchar,
  "error_message" varchar,
  "is_error" boolean,
  "request_parameters" varchar,
  "response_elements" varchar,
  "additional_event_data" varchar,
  "request_id" varchar,
  "event_id" varchar,
  "event_type" varchar,
  "api_version" varchar,
  "read_only" boolean,
  "management_event" boolean,
  "event_category" varchar,
  "recipient_account_id" varchar,
  "shared_event_id" varchar,
  "vpc_endpoint_id" varchar,
  "vpc_endpoint_account_id" varchar,
  "service_event_details" varchar,
  "session_credential_from_console" varchar,
  "edge_device_details" varchar,
  "addendum" varchar,
  "tls_version" varchar,
  "tls_cipher_suite" varchar,
  "tls_client_provided_host_header" varchar,
  "resources" array(row(arn varchar, account_id varchar, type varchar)),
  "account_id" varchar,
  "principal" varchar,
  "user_name" varchar,
  "session_name" varchar,
  "identity_type" varchar,
  "principal_id" varchar,
  "user_arn" varchar,
  "user_account_id" varchar,
  "access_key_id" varchar,
  "invoked_by" varchar,
  "identity_provider" varchar,
  "credential_id" varchar,
  "session_issuer_type" varchar,
  "session_issuer_principal_id" varchar,
  "session_issuer_arn" varchar,
  "session_issuer_account_id" varchar,
  "session_issuer_user_name" varchar,
  "mfa_authenticated" boolean,
  "session_creation_date" timestamp(3),
  "source_identity" varchar,
  "ec2_role_delivery" varchar,
  "assumed_root" varchar,
  "web_id_federation_data" varchar,
  "on_behalf_of" varchar,
  "in_scope_of" varchar,
  "source_file" varchar,
  "dt" varchar WITH (
    partition_projection_type = 'DATE',
    partition_projection_format = 'yyyy-MM-dd',
    partition_projection_range = ARRAY['2013-01-01', 'NOW'],
    partition_projection_interval = 1,
    partition_projection_interval_unit = 'DAYS'
  ),
  "hr" varchar WITH (
    partition_projection_type = 'INTEGER',
    partition_projection_range = ARRAY['0', '23'],
    partition_projection_digits = 2
  )
) WITH (
  external_location = 's3://cloudtrail-tables/events',
  format = 'PARQUET',
  partitioned_by = ARRAY['dt', 'hr'],
  partition_projection_enabled = true,
  partition_projection_location_template = 's3://cloudtrail-tables/events/dt=${dt}/hr=${hr}'
);

CREATE TABLE IF NOT EXISTS cloudtrail_analytics.insight_events (
  "event_time" timestamp(3),
  "event_id" varchar,
  "shared_event_id" varchar,
  "event_version" varchar,
  "account_id" varchar,
  "aws_region" varchar,
  "insight_type" varchar,
  "state" varchar,
  "event_source" varchar,
  "event_name" varchar,
  "error_code" varchar,
  "baseline_average" double,
  "insight_average" double,
  "baseline_duration" bigint,
  "insight_duration" bigint,
  "attributions" varchar,
  "source_file" varchar,
  "dt" varchar WITH (
    partition_projection_type = 'DATE',
    partition_projection_format = 'yyyy-MM-dd',
    partition_projection_range = ARRAY['2013-01-01', 'NOW'],
    partition_projection_interval = 1,
    partition_projection_interval_unit = 'DAYS'
  ),
  "hr" varchar WITH (
    partition_projection_type = 'INTEGER',
    partition_projection_range = ARRAY['0', '23'],
    partition_projection_digits = 2
  )
) WITH (
  external_location = 's3://cloudtrail-tables/insight_events',
  format = 'PARQUET',
  partitioned_by = ARRAY['dt', 'hr'],
  partition_projection_enabled = true,
  partition_projection_location_template = 's3://cloudtrail-tables/insight_events/dt=${dt}/hr=${hr}'
);

CREATE TABLE IF NOT EXISTS cloudtrail_analytics.findings (
  "finding_id" varchar,
  "rule_id" varchar,
  "rule_title" varchar,
  "severity" varchar,
  "tags" array(varchar),
  "event_time" timestamp(3),
  "account_id" varchar,
  "aws_region" varchar,
  "principal" varchar,
  "user_name" varchar,
  "session_name" varchar,
  "source_ip_address" varchar,
  "country_iso_code" varchar,
  "event_source" varchar,
  "event_name" varchar,
  "event_ids" array(varchar),
  "details" varchar,
  "dt" varchar WITH (
    partition_projection_type = 'DATE',
    partition_projection_format = 'yyyy-MM-dd',
    partition_projection_range = ARRAY['2013-01-01', 'NOW'],
    partition_projection_interval = 1,
    partition_projection_interval_unit = 'DAYS'
  ),
  "hr" varchar WITH (
    partition_projection_type = 'INTEGER',
    partition_projection_range = ARRAY['0', '23'],
    partition_projection_digits = 2
  )
) WITH (
  external_location = 's3://cloudtrail-tables/findings',
  format = 'PARQUET',
  partitioned_by = ARRAY['dt', 'hr'],
  partition_projection_enabled = true,
  partition_projection_location_template = 's3://cloudtrail-tables/findings/dt=${dt}/hr=${hr}'
);

CREATE TABLE IF NOT EXISTS cloudtrail_analytics.late_events (
  "event_id" varchar,
  "event_time" timestamp(3),
  "account_id" varchar,
  "aws_region" varchar,
  "principal" varchar,
  "event_name" varchar,
  "source_file" varchar,
  "arrival_watermark" timestamp(3),
  "dt" varchar WITH (
    partition_projection_type = 'DATE',
    partition_projection_format = 'yyyy-MM-dd',
    partition_projection_range = ARRAY['2013-01-01', 'NOW'],
    partition_projection_interval = 1,
    partition_projection_interval_unit = 'DAYS'
  ),
  "hr" varchar WITH (
    partition_projection_type = 'INTEGER',
    partition_projection_range = ARRAY['0', '23'],
    partition_projection_digits = 2
  )
) WITH (
  external_location = 's3://cloudtrail-tables/late_events',
  format = 'PARQUET',
  partitioned_by = ARRAY['dt', 'hr'],
  partition_projection_enabled = true,
  partition_projection_location_template = 's3://cloudtrail-tables/late_events/dt=${dt}/hr=${hr}'
);

CREATE TABLE IF NOT EXISTS cloudtrail_analytics.rejects (
  "source_file" varchar,
  "position" bigint,
  "byte_offset" bigint,
  "reject_type" varchar,
  "reason" varchar,
  "detail" varchar,
  "raw_text" varchar,
  "file_time" timestamp(3),
  "dt" varchar WITH (
    partition_projection_type = 'DATE',
    partition_projection_format = 'yyyy-MM-dd',
    partition_projection_range = ARRAY['2013-01-01', 'NOW'],
    partition_projection_interval = 1,
    partition_projection_interval_unit = 'DAYS'
  )
) WITH (
  external_location = 's3://cloudtrail-tables/rejects',
  format = 'PARQUET',
  partitioned_by = ARRAY['dt'],
  partition_projection_enabled = true,
  partition_projection_location_template = 's3://cloudtrail-tables/rejects/dt=${dt}'
);

CREATE TABLE IF NOT EXISTS cloudtrail_analytics.source_files (
  "source_file" varchar,
  "status" varchar,
  "file_type" varchar,
  "problem" varchar,
  "account_id" varchar,
  "aws_region" varchar,
  "file_time" timestamp(3),
  "events" bigint,
  "rejected_records" bigint,
  "dt" varchar WITH (
    partition_projection_type = 'DATE',
    partition_projection_format = 'yyyy-MM-dd',
    partition_projection_range = ARRAY['2013-01-01', 'NOW'],
    partition_projection_interval = 1,
    partition_projection_interval_unit = 'DAYS'
  )
) WITH (
  external_location = 's3://cloudtrail-tables/source_files',
  format = 'PARQUET',
  partitioned_by = ARRAY['dt'],
  partition_projection_enabled = true,
  partition_projection_location_template = 's3://cloudtrail-tables/source_files/dt=${dt}'
);
