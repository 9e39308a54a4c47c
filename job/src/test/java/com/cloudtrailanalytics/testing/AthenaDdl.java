package com.cloudtrailanalytics.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The parts of a {@code CREATE EXTERNAL TABLE} statement in {@code sql/athena/} that tests check.
 */
public record AthenaDdl(
    String table,
    Map<String, String> columns,
    Map<String, String> partitionColumns,
    String location,
    Map<String, String> properties) {

  private static final Pattern TABLE =
      Pattern.compile("CREATE EXTERNAL TABLE IF NOT EXISTS cloudtrail_analytics\\.(\\w+) \\(");
  private static final Pattern PARTITIONS = Pattern.compile("PARTITIONED BY \\(([^)]*)\\)");
  private static final Pattern LOCATION = Pattern.compile("LOCATION '([^']*)'");
  private static final Pattern PROPERTY = Pattern.compile("'([^']+)' = '([^']*)'");

  /** The table DDL of every {@code .sql} file in {@code folder}, by table name. */
  public static Map<String, AthenaDdl> all(Path folder) throws IOException {
    Map<String, AthenaDdl> ddls = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        String sql = Files.readString(file);
        if (sql.contains("CREATE EXTERNAL TABLE")) {
          AthenaDdl ddl = parse(sql);
          ddls.put(ddl.table(), ddl);
        }
      }
    }
    return ddls;
  }

  public static AthenaDdl parse(String sql) {
    Matcher table = TABLE.matcher(sql);
    if (!table.find()) {
      throw new IllegalArgumentException("no CREATE EXTERNAL TABLE in " + sql);
    }
    int end = closingParenthesis(sql, table.end() - 1);
    Map<String, String> columns = columns(sql.substring(table.end(), end));
    Matcher partitions = PARTITIONS.matcher(sql);
    partitions.find(end);
    Matcher location = LOCATION.matcher(sql);
    location.find(end);
    Map<String, String> properties = new LinkedHashMap<>();
    Matcher property = PROPERTY.matcher(sql.substring(sql.indexOf("TBLPROPERTIES")));
    while (property.find()) {
      properties.put(property.group(1), property.group(2));
    }
    return new AthenaDdl(
        table.group(1), columns, columns(partitions.group(1)), location.group(1), properties);
  }

  private static int closingParenthesis(String sql, int open) {
    int depth = 0;
    for (int i = open; i < sql.length(); i++) {
      if (sql.charAt(i) == '(') {
        depth++;
      } else if (sql.charAt(i) == ')' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced parentheses");
  }

  /** "name type, name type" with types that may hold commas inside angle brackets. */
  private static Map<String, String> columns(String list) {
    Map<String, String> columns = new LinkedHashMap<>();
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : list.toCharArray()) {
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    for (String part : parts) {
      String[] nameAndType = part.strip().split("\\s+", 2);
      columns.put(nameAndType[0].replace("`", ""), nameAndType[1].strip());
    }
    return columns;
  }
}
