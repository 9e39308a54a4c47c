package com.cloudtrailanalytics.athena;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.dashboards.GrafanaDashboardJson;
import com.cloudtrailanalytics.dashboards.GrafanaDashboards;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.testing.AthenaDdl;
import com.cloudtrailanalytics.testing.SampleRun;
import com.cloudtrailanalytics.testing.TrinoDdl;
import com.cloudtrailanalytics.testing.TrinoServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The saved queries answered by Trino, the engine Athena is built on: a real Trino server, the
 * tables registered with the DDL derived from sql/athena/ (partition projection included) over the
 * sample run's output, and every query run with its parameters bound, against the same answers as
 * DuckDB's; and every panel of the Grafana dashboard for Trino, which runs the same queries.
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
   * Every panel of the Grafana dashboard for the demo's Trino (docker/grafana/), its variables
   * filled in as Grafana fills them for the sample run's days and investigation, answers on a
   * connection with no catalog or schema, as the Trino plugin's: with rows, and with the columns
   * that its chart draws.
   */
  @Test
  void everyGrafanaPanelHasRowsOnTheSampleRun() throws Exception {
    Map<String, String> grafana =
        Map.of(
            "${__from:date:iso}",
            SampleRun.FIRST_DAY + "T00:00:00.000Z",
            "${__to:date:iso}",
            SampleRun.LAST_DAY + "T23:59:59.999Z",
            "${person}",
            "nicholas",
            "${instance}",
            SyntheticTrail.WEB_SERVER);
    JsonNode dashboard = GrafanaDashboardJson.read(GrafanaDashboards.TRINO_DASHBOARD);
    Map<String, Integer> rows = new LinkedHashMap<>();
    try (Connection plugin = trino.connect()) {
      for (JsonNode panel : GrafanaDashboardJson.panels(dashboard)) {
        String title = panel.get("title").asText();
        String sql = GrafanaDashboardJson.rawSql(panel);
        for (Map.Entry<String, String> variable : grafana.entrySet()) {
          sql = sql.replace(variable.getKey(), variable.getValue());
        }
        assertThat(sql).as(title).doesNotContain("$");
        String filled = sql;
        List<String> columns = new ArrayList<>();
        List<List<Object>> answer = retried(() -> execute(plugin, filled, columns));
        assertThat(columns).as(title).containsAll(GrafanaDashboardJson.columnsNamed(panel));
        rows.put(title, answer.size());
      }
    }
    System.out.println("Rows of each Grafana panel on the sample run: " + rows);
    assertThat(
            rows.entrySet().stream().filter(panel -> panel.getValue() == 0).map(Map.Entry::getKey))
        .as("Grafana panels with no rows on the sample run")
        .isEmpty();
  }

  @Override
  public List<List<Object>> query(String sql, Object... parameters) throws Exception {
    return retried(() -> execute(connection, sql, new ArrayList<>(), parameters));
  }

  /**
   * Runs the query; while Trino reports that its one node is not available (it checks its own state
   * over HTTP, which a busy machine can delay), runs it again, for up to a minute.
   */
  private static <T> T retried(Callable<T> query) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      try {
        return query.call();
      } catch (SQLException e) {
        if (!String.valueOf(e.getMessage()).contains("No nodes available")
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(1000);
      }
    }
  }

  /** The rows of the answer; its column names are added to {@code columns}. */
  private static List<List<Object>> execute(
      Connection connection, String sql, List<String> columns, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        List<List<Object>> rows = new ArrayList<>();
        int count = result.getMetaData().getColumnCount();
        for (int column = 1; column <= count; column++) {
          columns.add(result.getMetaData().getColumnLabel(column));
        }
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int column = 1; column <= count; column++) {
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
