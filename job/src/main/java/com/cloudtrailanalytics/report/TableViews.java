package com.cloudtrailanalytics.report;

import com.cloudtrailanalytics.config.TableNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The job's tables in a local folder, as views of an in-memory DuckDB database: each table folder
 * with committed data files becomes a view of the same name, partition columns {@code dt} and
 * {@code hr} included, so that the saved queries run on them as they run in Athena.
 */
final class TableViews implements AutoCloseable {

  private final Connection connection;
  private final List<String> tables;
  private final TreeSet<String> days;

  private TableViews(Connection connection, List<String> tables, TreeSet<String> days) {
    this.connection = connection;
    this.tables = tables;
    this.days = days;
  }

  static TableViews of(Path output) throws IOException, SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    List<String> tables = new ArrayList<>();
    TreeSet<String> days = new TreeSet<>();
    try (Statement statement = connection.createStatement()) {
      for (String table : TableNames.CHOOSABLE) {
        List<String> tableDays = daysWithData(output.resolve(table));
        if (tableDays.isEmpty()) {
          continue;
        }
        // a pattern rather than a list of files: a year of an organization trail is tens of
        // thousands of files, and DuckDB prunes the days a query filters on by their folder
        String committed = output.resolve(table) + "/dt=*/hr=*/[!._]*";
        statement.execute(
            "CREATE VIEW "
                + table
                + " AS SELECT * FROM read_parquet('"
                + committed.replace("'", "''")
                + "', hive_partitioning = true, hive_types_autocast = false)");
        tables.add(table);
        days.addAll(tableDays);
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return new TableViews(connection, tables, days);
  }

  Connection connection() {
    return connection;
  }

  /** The tables that have data, by name. */
  List<String> tables() {
    return tables;
  }

  /**
   * The first and last day ({@code dt}) with data in any table, as the parameters {@code from} and
   * {@code to}; neither when no table has data.
   */
  Map<String, String> range() {
    Map<String, String> range = new HashMap<>();
    if (!days.isEmpty()) {
      range.put("from", days.first());
      range.put("to", days.last());
    }
    return range;
  }

  /**
   * The days ({@code dt=...}) of a table that hold a file query engines read: under {@code hr=...},
   * its name starting with neither '.' nor '_' (in-progress and hidden files).
   */
  private static List<String> daysWithData(Path table) throws IOException {
    if (!Files.isDirectory(table)) {
      return List.of();
    }
    List<String> days = new ArrayList<>();
    try (Stream<Path> dayFolders = Files.list(table)) {
      for (Path day : dayFolders.filter(f -> isFolder(f, "dt=")).sorted().toList()) {
        if (hasCommittedFile(day)) {
          days.add(day.getFileName().toString().substring("dt=".length()));
        }
      }
    }
    return days;
  }

  private static boolean hasCommittedFile(Path day) throws IOException {
    try (Stream<Path> hours = Files.list(day)) {
      for (Path hour : hours.filter(f -> isFolder(f, "hr=")).toList()) {
        try (Stream<Path> files = Files.list(hour)) {
          if (files.anyMatch(file -> isCommitted(file.getFileName().toString()))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isFolder(Path path, String prefix) {
    return Files.isDirectory(path) && path.getFileName().toString().startsWith(prefix);
  }

  private static boolean isCommitted(String name) {
    return !name.startsWith(".") && !name.startsWith("_");
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
