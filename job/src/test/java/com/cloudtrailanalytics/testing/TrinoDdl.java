package com.cloudtrailanalytics.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Athena tables of {@code sql/athena/} in Trino's syntax, derived from them: the same columns
 * (Hive types as Trino types), the same location and the same partition projection, whose {@code
 * projection.*} table properties become Trino's {@code partition_projection_*} properties.
 */
public final class TrinoDdl {

  private static final String PROJECTION = "projection.";

  private TrinoDdl() {}

  /** Every table, with {@code ${output}} at {@code output}, as one script. */
  public static String script(Map<String, AthenaDdl> tables, String output) {
    StringBuilder script = new StringBuilder();
    script.append(
        "-- Generated from sql/athena/ by TrinoDdl (test code); DeploymentFilesTest checks");
    script.append(
        " it.\n-- The job's tables in Trino's syntax, with Athena's partition projection.\n");
    script.append("CREATE SCHEMA IF NOT EXISTS cloudtrail_analytics;\n");
    for (AthenaDdl table : tables.values()) {
      script.append('\n').append(createTable(table, output)).append(";\n");
    }
    return script.toString();
  }

  /** One {@code CREATE TABLE}, without a trailing semicolon. */
  public static String createTable(AthenaDdl ddl, String output) {
    List<String> columns = new ArrayList<>();
    ddl.columns().forEach((name, type) -> columns.add("  \"" + name + "\" " + trinoType(type)));
    ddl.partitionColumns()
        .forEach(
            (name, type) -> {
              List<String> projection = columnProjection(ddl.properties(), name);
              columns.add(
                  "  \""
                      + name
                      + "\" "
                      + trinoType(type)
                      + (projection.isEmpty()
                          ? ""
                          : " WITH (\n    " + String.join(",\n    ", projection) + "\n  )"));
            });
    List<String> properties = new ArrayList<>();
    properties.add("external_location = " + quote(filled(ddl.location(), output)));
    properties.add("format = 'PARQUET'");
    properties.add(
        "partitioned_by = ARRAY["
            + ddl.partitionColumns().keySet().stream()
                .map(TrinoDdl::quote)
                .collect(Collectors.joining(", "))
            + "]");
    if ("true".equals(ddl.properties().get(PROJECTION + "enabled"))) {
      properties.add("partition_projection_enabled = true");
      properties.add(
          "partition_projection_location_template = "
              + quote(filled(ddl.properties().get("storage.location.template"), output)));
    }
    return "CREATE TABLE IF NOT EXISTS cloudtrail_analytics."
        + ddl.table()
        + " (\n"
        + String.join(",\n", columns)
        + "\n) WITH (\n  "
        + String.join(",\n  ", properties)
        + "\n)";
  }

  /** Athena's {@code projection.<column>.<setting>} as Trino's column properties. */
  private static List<String> columnProjection(Map<String, String> properties, String column) {
    String prefix = PROJECTION + column + ".";
    List<String> projection = new ArrayList<>();
    properties.forEach(
        (key, value) -> {
          if (!key.startsWith(prefix)) {
            return;
          }
          String setting = key.substring(prefix.length());
          String name = "partition_projection_" + setting.replace('.', '_');
          projection.add(name + " = " + literal(setting, value));
        });
    return projection;
  }

  private static String literal(String setting, String value) {
    return switch (setting) {
      case "type" -> quote(value.toUpperCase(Locale.ROOT));
      case "range" ->
          "ARRAY["
              + List.of(value.split(",")).stream()
                  .map(String::strip)
                  .map(TrinoDdl::quote)
                  .collect(Collectors.joining(", "))
              + "]";
      case "interval", "digits" -> value;
      default -> quote(value);
    };
  }

  /** A location with {@code ${output}} filled in; a folder's trailing slash is dropped. */
  private static String filled(String location, String output) {
    String filled = location.replace("${output}", output);
    return filled.endsWith("/") ? filled.substring(0, filled.length() - 1) : filled;
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** Athena (Hive) type to Trino type: {@code array<struct<a:string>>} is array(row(a varchar)). */
  public static String trinoType(String hiveType) {
    if (hiveType.startsWith("array<")) {
      return "array(" + trinoType(hiveType.substring(6, hiveType.length() - 1)) + ")";
    }
    if (hiveType.startsWith("struct<")) {
      List<String> fields = new ArrayList<>();
      int depth = 0;
      int start = 7;
      for (int i = start; i < hiveType.length() - 1; i++) {
        char c = hiveType.charAt(i);
        depth += c == '<' ? 1 : c == '>' ? -1 : 0;
        if (c == ',' && depth == 0) {
          fields.add(field(hiveType.substring(start, i)));
          start = i + 1;
        }
      }
      fields.add(field(hiveType.substring(start, hiveType.length() - 1)));
      return "row(" + String.join(", ", fields) + ")";
    }
    return switch (hiveType) {
      case "string" -> "varchar";
      case "timestamp" -> "timestamp(3)";
      case "int" -> "integer";
      default -> hiveType;
    };
  }

  private static String field(String nameAndType) {
    int colon = nameAndType.indexOf(':');
    return nameAndType.substring(0, colon) + " " + trinoType(nameAndType.substring(colon + 1));
  }
}
