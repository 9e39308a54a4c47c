package com.cloudtrailanalytics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The job's output read back with a real Parquet reader (DuckDB): every table folder under the
 * output becomes a view of the same name over its committed part files.
 */
public final class OutputTables implements AutoCloseable {

  /** A window's start and end as {@link GroundTruth} writes them: {@code 2024-03-01T10:00:00Z}. */
  private static final String WINDOW =
      "strftime(window_start, '%Y-%m-%dT%H:%M:%SZ'), strftime(window_end, '%Y-%m-%dT%H:%M:%SZ')";

  private final Path output;
  private final Connection connection;

  public OutputTables(Path output) throws SQLException, IOException {
    this.output = output;
    this.connection = DriverManager.getConnection("jdbc:duckdb:");
    for (String name : tableNames(output)) {
      List<Path> files = committedFiles(name);
      if (!files.isEmpty()) {
        String list =
            files.stream()
                .map(file -> "'" + output.resolve(name).resolve(file) + "'")
                .collect(Collectors.joining(", "));
        execute(
            "CREATE VIEW "
                + name
                + " AS SELECT * FROM read_parquet(["
                + list
                + "], hive_partitioning = true, hive_types_autocast = false)");
      }
    }
  }

  /**
   * Runs a query with its {@code ?} parameters bound in order; each row is a list of column values
   * as JDBC returns them.
   */
  public List<List<Object>> query(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        return rows(result);
      }
    }
  }

  private static List<List<Object>> rows(ResultSet result) throws SQLException {
    ResultSetMetaData meta = result.getMetaData();
    List<List<Object>> rows = new ArrayList<>();
    while (result.next()) {
      List<Object> row = new ArrayList<>();
      for (int column = 1; column <= meta.getColumnCount(); column++) {
        row.add(result.getObject(column));
      }
      rows.add(row);
    }
    return rows;
  }

  /** Every user_activity row, every column, as {@link GroundTruth#userActivity} lists them. */
  public List<List<Object>> userActivity() throws SQLException {
    return query(
        "SELECT "
            + WINDOW
            + ", account_id, principal, user_name, identity_type, event_count, error_count,"
            + " error_rate, distinct_event_names, distinct_source_ips, dt, hr"
            + " FROM user_activity ORDER BY 1, 3, 4");
  }

  /** Every region_activity row, every column, as {@link GroundTruth#regionActivity} lists them. */
  public List<List<Object>> regionActivity() throws SQLException {
    return query(
        "SELECT "
            + WINDOW
            + ", account_id, aws_region, event_count, error_count, error_rate,"
            + " distinct_principals, distinct_event_sources, dt, hr"
            + " FROM region_activity ORDER BY 1, 3, 4");
  }

  /**
   * Every console_login_summary row, every column, as {@link
   * GroundTruth#consoleLoginSummaryWithoutGeo} lists them.
   */
  public List<List<Object>> consoleLoginSummary() throws SQLException {
    return query(
        "SELECT "
            + WINDOW
            + ", account_id, user_name, country_iso_code, logins, failures, without_mfa,"
            + " distinct_source_ips, dt, hr"
            + " FROM console_login_summary ORDER BY 1, 3, 4, 5");
  }

  /**
   * Every user_activity window as {@link GroundTruth#userActivity} lists them: start, account,
   * principal, events, errors, summed over the window's row and its late rows, as the table
   * contract tells users to query it.
   */
  public List<List<Object>> userActivityCounts() throws SQLException {
    return windowCounts("user_activity", "principal");
  }

  /** Every region_activity window as {@link GroundTruth#regionActivity} lists them. */
  public List<List<Object>> regionActivityCounts() throws SQLException {
    return windowCounts("region_activity", "aws_region");
  }

  /** Keys of a windowed table with more than one row that is not late: none, in a right output. */
  public long duplicateOnTimeRows(String table, String key) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM (SELECT window_start, account_id, "
            + key
            + " FROM "
            + table
            + " WHERE NOT late GROUP BY ALL HAVING COUNT(*) > 1)");
  }

  private List<List<Object>> windowCounts(String table, String key) throws SQLException {
    return query(
        "SELECT strftime(window_start, '%Y-%m-%dT%H:%M:%SZ'), account_id, "
            + key
            + ", SUM(event_count)::BIGINT, SUM(error_count)::BIGINT FROM "
            + table
            + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
  }

  /** A query that returns one number. */
  public long count(String sql) throws SQLException {
    return ((Number) query(sql).get(0).get(0)).longValue();
  }

  /** The tables under an output folder: its folders, but for hidden ones such as _checkpoints. */
  public static List<String> tableNames(Path output) throws IOException {
    try (Stream<Path> folders = Files.list(output)) {
      return folders
          .filter(Files::isDirectory)
          .map(folder -> folder.getFileName().toString())
          .filter(name -> !name.startsWith("_") && !name.startsWith("."))
          .sorted()
          .toList();
    }
  }

  /**
   * The committed data files of a table, relative to the table folder: every file that query
   * engines read, those whose names start with neither '.' nor '_'. A running job renames and
   * deletes its hidden files while the folder is read; the folder is then read again.
   */
  public List<Path> committedFiles(String table) throws IOException {
    Path folder = output.resolve(table);
    for (int attempt = 1; ; attempt++) {
      if (!Files.isDirectory(folder)) {
        return List.of();
      }
      try (Stream<Path> files = Files.walk(folder)) {
        return files
            .filter(Files::isRegularFile)
            .filter(file -> isVisible(file.getFileName().toString()))
            .map(folder::relativize)
            .sorted()
            .toList();
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof NoSuchFileException) || attempt == 10) {
          throw e;
        }
      }
    }
  }

  /** Data files are part-* as written, or compacted-part-* after compaction. */
  private static boolean isVisible(String name) {
    if (name.startsWith(".") || name.startsWith("_")) {
      return false;
    }
    if (!name.startsWith("part-") && !name.startsWith("compacted-part-")) {
      throw new IllegalStateException("an unexpected visible file in the output: " + name);
    }
    return true;
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
