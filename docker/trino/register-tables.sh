#!/bin/sh
# Creates the job's tables in Trino. They use Athena's partition projection, so new hours are
# queryable as soon as the job commits them, with no partitions to register.
set -eu
trino() { command trino --server "${TRINO_SERVER:-http://trino:8080}" --catalog awsdatacatalog "$@"; }
until trino --execute "SELECT 1" >/dev/null 2>&1; do sleep 2; done
trino --file "${TABLES_SQL:-/etc/cloudtrail/tables.sql}"
echo "Tables created in awsdatacatalog.cloudtrail_analytics."
