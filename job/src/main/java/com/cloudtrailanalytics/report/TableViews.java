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
 * with committed data files becomes a view of the same name, its partition columns ({@code dt}, and
 * {@code hr} but for the tables about files) included, so that the saved queries run on them as
 * they run in Athena.
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
      for (String table : TableNames.ALL) {
        List<String> tableDays = daysWithData(output.resolve(table), table);
        if (tableDays.isEmpty()) {
          continue;
        }
        // a pattern rather than a list of files: a year of an organization trail is tens of
        // thousands of files, and DuckDB prunes the days a query filters on by their folder
        String committed = output.resolve(table) + "/" + committedFiles(table);
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
   * The committed files of a table, as a pattern relative to its folder: under its partition
   * folders, their names starting with neither '.' nor '_' (in-progress and hidden files).
   */
  private static String committedFiles(String table) {
    StringBuilder pattern = new StringBuilder();
    for (String column : TableNames.partitionColumns(table)) {
      pattern.append(column).append("=*/");
    }
    return pattern.append("[!._]*").toString();
  }

  /** The days ({@code dt=...}) of a table that hold a committed file. */
  private static List<String> daysWithData(Path folder, String table) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<String> partitions = TableNames.partitionColumns(table);
    List<String> days = new ArrayList<>();
    try (Stream<Path> dayFolders = Files.list(folder)) {
      for (Path day : dayFolders.filter(f -> isFolder(f, "dt=")).sorted().toList()) {
        if (hasCommittedFile(day, partitions.subList(1, partitions.size()))) {
          days.add(day.getFileName().toString().substring("dt=".length()));
        }
      }
    }
    return days;
  }

  /** Whether a partition folder holds a committed file, under its inner partition folders. */
  private static boolean hasCommittedFile(Path partition, List<String> inner) throws IOException {
    try (Stream<Path> entries = Files.list(partition)) {
      if (inner.isEmpty()) {
        return entries.anyMatch(
            file -> Files.isRegularFile(file) && isCommitted(file.getFileName().toString()));
      }
      for (Path folder : entries.filter(f -> isFolder(f, inner.get(0) + "=")).toList()) {
        if (hasCommittedFile(folder, inner.subList(1, inner.size()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isFolder(Path path, String prefix) {
    return Files.isDirectory(path) && path.getFileName().toString().startsWith(prefix);
  }

  static boolean isCommitted(String name) {
    return !name.startsWith(".") && !name.startsWith("_");
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
