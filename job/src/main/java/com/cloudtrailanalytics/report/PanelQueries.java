package com.cloudtrailanalytics.report;

import com.cloudtrailanalytics.config.TableNames;
import com.cloudtrailanalytics.report.Dashboards.Panel;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Answers panels' queries on the tables, with their parameters bound by name. */
final class PanelQueries {

  private static final Pattern TABLE_READ = Pattern.compile("\\b(?:FROM|JOIN)\\s+(\\w+)");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final TableViews views;
  private final Map<String, String> parameters;

  /**
   * @param parameters the value of each parameter name (from, to, person, instance); a name missing
   *     here leaves its panels empty
   */
  PanelQueries(TableViews views, Map<String, String> parameters) {
    this.views = views;
    this.parameters = parameters;
  }

  PanelResult answer(Panel panel) throws SQLException {
    String sql = panel.sql();
    for (String table : tablesRead(sql)) {
      if (views.tables().contains(table)) {
        continue;
      }
      // the job writes these tables on every run, so beside other tables, no file is no row
      boolean wroteNothing = TableNames.ALWAYS_WRITTEN.contains(table) && !views.tables().isEmpty();
      if (wroteNothing && panel.empty() != null) {
        return PanelResult.allClear(panel.empty());
      }
      return PanelResult.nothing("No data in the " + table + " table.");
    }
    for (String name : panel.parameters()) {
      if (parameters.get(name) == null) {
        return PanelResult.nothing("No " + name + " to show: give one with --" + name + ".");
      }
    }
    try (PreparedStatement statement = views.connection().prepareStatement(sql)) {
      for (int i = 0; i < panel.parameters().size(); i++) {
        statement.setString(i + 1, parameters.get(panel.parameters().get(i)));
      }
      try (ResultSet result = statement.executeQuery()) {
        PanelResult answer = read(result);
        return answer.rows().isEmpty() && panel.empty() != null
            ? new PanelResult(answer.columns(), answer.rows(), panel.empty(), true)
            : answer;
      }
    }
  }

  /** The job's tables a query reads. */
  static List<String> tablesRead(String sql) {
    List<String> tables = new ArrayList<>();
    Matcher matcher = TABLE_READ.matcher(sql.replaceAll("--[^\\n]*", ""));
    while (matcher.find()) {
      String name = matcher.group(1);
      if (TableNames.ALL.contains(name) && !tables.contains(name)) {
        tables.add(name);
      }
    }
    return tables;
  }

  private static PanelResult read(ResultSet result) throws SQLException {
    ResultSetMetaData meta = result.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int column = 1; column <= meta.getColumnCount(); column++) {
      columns.add(meta.getColumnLabel(column));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (result.next()) {
      List<Object> row = new ArrayList<>(columns.size());
      for (int column = 1; column <= columns.size(); column++) {
        row.add(value(result, column, meta.getColumnTypeName(column)));
      }
      rows.add(row);
    }
    return new PanelResult(columns, rows, null, false);
  }

  /** A value as the page shows it: times in UTC as text, lists as lists. */
  private static Object value(ResultSet result, int column, String type) throws SQLException {
    if (type.startsWith("TIMESTAMP WITH TIME ZONE")) {
      OffsetDateTime time = result.getObject(column, OffsetDateTime.class);
      return time == null ? null : TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
    if (type.startsWith("TIMESTAMP")) {
      LocalDateTime time = result.getObject(column, LocalDateTime.class);
      return time == null ? null : TIME.format(time);
    }
    Object value = result.getObject(column);
    if (value instanceof Array array) {
      return Arrays.asList((Object[]) array.getArray());
    }
    return value;
  }
}
