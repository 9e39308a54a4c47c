package com.cloudtrailanalytics.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code CREATE TABLE} of docker/trino/tables.sql, and the Trino type of each Athena type. */
record TrinoTable(
    String name, Map<String, String> columns, String location, List<String> partitionedBy) {

  private static final Pattern TABLE =
      Pattern.compile(
          "CREATE TABLE IF NOT EXISTS cloudtrail_analytics\\.(\\w+) \\((.*?)\\n\\) WITH \\((.*?)\\n\\);",
          Pattern.DOTALL);
  private static final Pattern COLUMN = Pattern.compile("(?m)^  \"(\\w+)\" (.+?),?$");
  private static final Pattern LOCATION = Pattern.compile("external_location = '([^']+)'");
  private static final Pattern PARTITION = Pattern.compile("'(\\w+)'");

  static Map<String, TrinoTable> parseAll(String sql) {
    Map<String, TrinoTable> tables = new LinkedHashMap<>();
    Matcher table = TABLE.matcher(sql);
    while (table.find()) {
      Map<String, String> columns = new LinkedHashMap<>();
      Matcher column = COLUMN.matcher(table.group(2));
      while (column.find()) {
        columns.put(column.group(1), column.group(2));
      }
      String properties = table.group(3);
      Matcher location = LOCATION.matcher(properties);
      location.find();
      List<String> partitions = new ArrayList<>();
      Matcher partition =
          PARTITION.matcher(properties.substring(properties.indexOf("partitioned_by")));
      while (partition.find()) {
        partitions.add(partition.group(1));
      }
      tables.put(
          table.group(1), new TrinoTable(table.group(1), columns, location.group(1), partitions));
    }
    return tables;
  }

  /** Athena (Hive) type to Trino type: {@code array<struct<a:string>>} is array(row(a varchar)). */
  static String trinoType(String hiveType) {
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
