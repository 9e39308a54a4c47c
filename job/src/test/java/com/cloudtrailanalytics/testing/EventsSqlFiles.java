package com.cloudtrailanalytics.testing;

import com.cloudtrailanalytics.pipeline.EventColumns;
import java.util.stream.Collectors;

/**
 * The text of {@code sql/flink/50_events.sql} and {@code sql/athena/50_events.sql}, generated from
 * {@link EventColumns}; {@code EventsSqlFilesTest} checks the files in the repository against it.
 */
public final class EventsSqlFiles {

  private static final String GENERATED =
      "-- Generated from job/.../pipeline/EventColumns.java (EventsSqlFilesTest checks it): add a\n"
          + "-- column there, not here.\n";

  private EventsSqlFiles() {}

  public static String flink() {
    return GENERATED
        + "-- events: every event, on time or late, with every field CloudTrail records. userIdentity is\n"
        + "-- flattened into columns; requestParameters, responseElements and the other free-form elements are\n"
        + "-- JSON text with secrets redacted; country_iso_code is where source_ip_address is (null without\n"
        + "-- --geoip-db). Partitioned by the event's own time. Placeholders: ${output}.\n"
        + "CREATE TEMPORARY TABLE events (\n"
        + EventColumns.ALL.stream()
            .map(column -> "  " + column.name() + " " + column.type().flinkSql() + ",\n")
            .collect(Collectors.joining())
        + "  dt STRING,\n"
        + "  hr STRING\n"
        + ") PARTITIONED BY (dt, hr)\n"
        + "WITH ('path' = '${output}/events')\n"
        + "LIKE parquet_table (EXCLUDING ALL OVERWRITING OPTIONS);\n"
        + "\n"
        + "INSERT INTO events\n"
        + "SELECT\n"
        + EventColumns.ALL.stream()
            .map(
                column ->
                    "  "
                        + column.expression().map(sql -> sql + " AS ").orElse("")
                        + column.name()
                        + ",\n")
            .collect(Collectors.joining())
        + "  DATE_FORMAT(event_time, 'yyyy-MM-dd') AS dt,\n"
        + "  DATE_FORMAT(event_time, 'HH') AS hr\n"
        + "FROM event_input;\n";
  }

  public static String athena() {
    return GENERATED
        + "-- events: every CloudTrail event, one row each, with secrets redacted. Written by"
        + " sql/flink/50_events.sql.\n"
        + "-- Replace ${output} with the job's --output location (see README), then run in Athena.\n"
        + "CREATE EXTERNAL TABLE IF NOT EXISTS cloudtrail_analytics.events (\n"
        + EventColumns.ALL.stream()
            .map(column -> "  " + column.name() + " " + column.type().athena())
            .collect(Collectors.joining(",\n"))
        + "\n)\n"
        + "PARTITIONED BY (dt string, hr string)\n"
        + "STORED AS PARQUET\n"
        + "LOCATION '${output}/events/'\n"
        + "TBLPROPERTIES (\n"
        + "  'projection.enabled' = 'true',\n"
        + "  'projection.dt.type' = 'date',\n"
        + "  'projection.dt.format' = 'yyyy-MM-dd',\n"
        + "  'projection.dt.range' = '2013-01-01,NOW',\n"
        + "  'projection.dt.interval' = '1',\n"
        + "  'projection.dt.interval.unit' = 'DAYS',\n"
        + "  'projection.hr.type' = 'integer',\n"
        + "  'projection.hr.range' = '0,23',\n"
        + "  'projection.hr.digits' = '2',\n"
        + "  'storage.location.template' = '${output}/events/dt=${dt}/hr=${hr}/'\n"
        + ");\n";
  }
}
