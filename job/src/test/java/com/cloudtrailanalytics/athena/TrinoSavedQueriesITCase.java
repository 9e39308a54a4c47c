package com.cloudtrailanalytics.athena;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.testing.AthenaDdl;
import com.cloudtrailanalytics.testing.TrinoDdl;
import com.cloudtrailanalytics.testing.TrinoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The saved queries answered by Trino, the engine Athena is built on: a real Trino server, the
 * tables registered with the DDL derived from sql/athena/ (partition projection included) over the
 * sample run's output, and every query run with its parameters bound, against the same answers as
 * DuckDB's.
 */
class TrinoSavedQueriesITCase extends DashboardQueryAnswers {

  /** Where the sample run's output is, as Trino's catalog sees its folder. */
  private static final String OUTPUT = "local:///output";

  private static TrinoServer trino;
  private static Connection connection;

  @BeforeAll
  static void startTrino() throws Exception {
    Optional<Path> java = TrinoServer.java();
    Assumptions.assumeTrue(
        java.isPresent(),
        "Trino needs Java 22 or later and none was found (set TRINO_JAVA_HOME, or install one"
            + " under /usr/lib/jvm); the saved queries are checked by DuckDB only");
    assertThat(sample.output.getFileName().toString()).isEqualTo("output");
    Path workDir = Files.createTempDirectory("trino");
    trino = TrinoServer.start(java.get(), sample.output.getParent(), workDir);
    System.out.printf(
        "Trino started in %.1f s on %s%n", trino.startTime().toMillis() / 1000.0, java.get());
    for (String table : athenaTables().keySet()) {
      // S3 has no folders, so Athena and Trino accept a location with no files; a local folder
      // must exist (the sample trail has no late events, so late_events has none)
      Files.createDirectories(sample.output.resolve(table));
    }
    connection = trino.connect("cloudtrail_analytics");
    try (Statement statement = connection.createStatement()) {
      for (String ddl : statements(TrinoDdl.script(athenaTables(), OUTPUT))) {
        statement.execute(ddl);
      }
    }
  }

  @AfterAll
  static void stopTrino() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (trino != null) {
      System.out.printf("Trino's resident memory: %d MB%n", trino.residentMegabytes());
      trino.close();
    }
  }

  @Test
  void everyTableIsRegisteredWithAthenasPartitionProjection() throws Exception {
    Map<String, AthenaDdl> athena = athenaTables();
    List<List<Object>> tables = query("SHOW TABLES");
    assertThat(tables.stream().map(row -> row.get(0)))
        .containsExactlyInAnyOrderElementsOf(athena.keySet());
    for (AthenaDdl ddl : athena.values()) {
      String created = (String) query("SHOW CREATE TABLE " + ddl.table()).get(0).get(0);
      assertThat(created)
          .as(ddl.table())
          .contains("partition_projection_enabled = true")
          .contains(
              "partition_projection_location_template = '"
                  + ddl.properties()
                      .get("storage.location.template")
                      .replace("${output}", OUTPUT)
                      .replaceAll("/$", "")
                  + "'")
          .contains("partition_projection_type = 'DATE'");
      assertThat(query("SELECT COUNT(*) FROM " + ddl.table() + " WHERE dt >= '2025-03-01'"))
          .as("%s is readable over projected partitions", ddl.table())
          .hasSize(1);
    }
  }

  /**
   * Runs the query; while Trino reports that its one node is not available (it checks its own state
   * over HTTP, which a busy machine can delay), runs it again, for up to a minute.
   */
  @Override
  public List<List<Object>> query(String sql, Object... parameters) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      try {
        return execute(sql, parameters);
      } catch (SQLException e) {
        if (!String.valueOf(e.getMessage()).contains("No nodes available")
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(1000);
      }
    }
  }

  private static List<List<Object>> execute(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        List<List<Object>> rows = new ArrayList<>();
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int column = 1; column <= columns; column++) {
            row.add(result.getObject(column));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  private static Map<String, AthenaDdl> athenaTables() throws Exception {
    return AthenaDdl.all(AthenaTablesITCase.ATHENA);
  }

  /** A script's statements, without the semicolons; comments stay with the next statement. */
  private static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    for (String statement : script.split(";\\s*\\n")) {
      if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }
}
