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
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
        List<Path> files = committedFiles(output.resolve(table));
        if (files.isEmpty()) {
          continue;
        }
        statement.execute(
            "CREATE VIEW "
                + table
                + " AS SELECT * FROM read_parquet(["
                + files.stream()
                    .map(file -> "'" + file.toString().replace("'", "''") + "'")
                    .collect(Collectors.joining(", "))
                + "], hive_partitioning = true, hive_types_autocast = false)");
        tables.add(table);
        files.forEach(file -> day(file).ifPresent(days::add));
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

  /** The first and last day ({@code dt}) with data in any table, if there is any. */
  Optional<String> firstDay() {
    return days.isEmpty() ? Optional.empty() : Optional.of(days.first());
  }

  Optional<String> lastDay() {
    return days.isEmpty() ? Optional.empty() : Optional.of(days.last());
  }

  /**
   * The files query engines read: under {@code dt=.../hr=...}, whose names start with neither '.'
   * nor '_' (in-progress and hidden files).
   */
  private static List<Path> committedFiles(Path table) throws IOException {
    if (!Files.isDirectory(table)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(table)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> day(file).isPresent())
          .filter(
              file -> {
                String name = file.getFileName().toString();
                return !name.startsWith(".") && !name.startsWith("_");
              })
          .sorted()
          .toList();
    }
  }

  private static Optional<String> day(Path file) {
    Path hour = file.getParent();
    Path day = hour == null ? null : hour.getParent();
    if (day == null || !day.getFileName().toString().startsWith("dt=")) {
      return Optional.empty();
    }
    return Optional.of(day.getFileName().toString().substring("dt=".length()));
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
