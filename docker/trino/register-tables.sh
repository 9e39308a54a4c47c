#!/bin/sh
# Creates the job's tables in Trino, then keeps their partitions in step with the output
# (Athena projects partitions; Trino's Hive connector needs them registered).
set -eu
trino() { command trino --server http://trino:8080 --catalog awsdatacatalog "$@"; }
until trino --execute "SELECT 1" >/dev/null 2>&1; do sleep 2; done
trino --file /etc/cloudtrail/tables.sql
echo "Tables created; registering new partitions every 30 seconds."
while true; do
  for table in $(trino --output-format TSV --execute "SHOW TABLES FROM cloudtrail_analytics"); do
    trino --execute "CALL system.sync_partition_metadata('cloudtrail_analytics', '$table', 'ADD')" >/dev/null
  done
  sleep 30
done
