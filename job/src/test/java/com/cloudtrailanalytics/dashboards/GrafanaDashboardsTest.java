package com.cloudtrailanalytics.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudtrailanalytics.report.Dashboards;
import com.cloudtrailanalytics.report.Dashboards.Dashboard;
import com.cloudtrailanalytics.report.Dashboards.Panel;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Grafana files in docker/grafana/ against what GrafanaDashboards generates from the manifest
 * and the saved queries now, and each dashboard against the manifest. TrinoSavedQueriesITCase runs
 * every panel of the Trino dashboard.
 */
class GrafanaDashboardsTest {

  /** Where the generated files are written, laid out as docker/grafana/, to copy over it. */
  private static final Path GENERATED = Path.of("target", "generated-grafana");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");

  private final Dashboards manifest = read();

  @Test
  void theFilesAreWhatTheManifestAndTheQueriesGenerateNow() throws IOException {
    List<String> outOfDate = new ArrayList<>();
    for (Map.Entry<String, String> file : GrafanaDashboards.files().entrySet()) {
      Path generated = GENERATED.resolve(file.getKey());
      Files.createDirectories(generated.getParent());
      Files.writeString(generated, file.getValue());
      Path committed = GrafanaDashboards.FOLDER.resolve(file.getKey());
      if (!Files.exists(committed) || !Files.readString(committed).equals(file.getValue())) {
        outOfDate.add(file.getKey());
      }
    }
    assertThat(outOfDate)
        .as(
            "docker/grafana/ is out of date with sql/dashboards/ and sql/athena/queries/: copy"
                + " job/%s/ over it (cp -r job/%<s/. docker/grafana/)",
            GENERATED)
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {GrafanaDashboards.TRINO_DASHBOARD, GrafanaDashboards.ATHENA_DASHBOARD})
  void everyManifestPanelIsThereOnceWithItsSavedQuery(String file) throws IOException {
    JsonNode dashboard = GrafanaDashboardJson.read(file);
    List<String> rows = new ArrayList<>();
    dashboard
        .get("panels")
        .forEach(
            panel -> {
              if (panel.get("type").asText().equals("row")) {
                rows.add(panel.get("title").asText());
              }
            });
    assertThat(rows)
        .containsExactlyElementsOf(manifest.dashboards().stream().map(Dashboard::title).toList());

    List<Panel> expected =
        manifest.dashboards().stream().flatMap(d -> d.panels().stream()).toList();
    List<JsonNode> panels = GrafanaDashboardJson.panels(dashboard);
    assertThat(panels.stream().map(panel -> panel.get("title").asText()))
        .containsExactlyElementsOf(expected.stream().map(Panel::title).toList())
        .doesNotHaveDuplicates();
    for (int i = 0; i < panels.size(); i++) {
      assertThat(placeholdersBack(rawSql(panels.get(i))))
          .as(expected.get(i).title())
          .isEqualTo(statement(expected.get(i).query()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {GrafanaDashboards.TRINO_DASHBOARD, GrafanaDashboards.ATHENA_DASHBOARD})
  void aPanelWhoseEmptyAnswerIsGoodNewsSaysSoInsteadOfNoData(String file) throws IOException {
    List<Panel> expected =
        manifest.dashboards().stream().flatMap(d -> d.panels().stream()).toList();
    List<JsonNode> panels = GrafanaDashboardJson.panels(GrafanaDashboardJson.read(file));
    for (int i = 0; i < panels.size(); i++) {
      JsonNode noValue = panels.get(i).at("/fieldConfig/defaults/noValue");
      assertThat(noValue.isMissingNode() ? null : noValue.asText())
          .as(expected.get(i).title())
          .isEqualTo(expected.get(i).empty());
    }
    assertThat(expected).anySatisfy(panel -> assertThat(panel.empty()).isNotNull());
  }

  @ParameterizedTest
  @ValueSource(strings = {GrafanaDashboards.TRINO_DASHBOARD, GrafanaDashboards.ATHENA_DASHBOARD})
  void noPlaceholderIsLeftOutsideStringLiterals(String file) throws IOException {
    for (JsonNode panel : GrafanaDashboardJson.panels(GrafanaDashboardJson.read(file))) {
      assertThat(STRING_LITERAL.matcher(rawSql(panel)).replaceAll("''"))
          .as(panel.get("title").asText())
          .doesNotContain("?")
          .doesNotEndWith(";");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {GrafanaDashboards.TRINO_DASHBOARD, GrafanaDashboards.ATHENA_DASHBOARD})
  void everyVariableUsedIsDeclared(String file) throws IOException {
    JsonNode dashboard = GrafanaDashboardJson.read(file);
    Set<String> declared = new TreeSet<>();
    dashboard.get("templating").get("list").forEach(v -> declared.add(v.get("name").asText()));
    Set<String> used = new TreeSet<>();
    for (JsonNode panel : GrafanaDashboardJson.panels(dashboard)) {
      used.addAll(variables(rawSql(panel)));
      used.addAll(variables(panel.get("datasource").get("uid").asText()));
      used.addAll(variables(panel.get("targets").get(0).get("datasource").get("uid").asText()));
    }
    used.removeIf(name -> name.startsWith("__"));
    assertThat(used).isNotEmpty();
    assertThat(declared).containsAll(used);
  }

  @Test
  void theTrinoDashboardQueriesTheProvisionedDataSourceWithTablesNamedInFull() throws IOException {
    for (JsonNode panel :
        GrafanaDashboardJson.panels(GrafanaDashboardJson.read(GrafanaDashboards.TRINO_DASHBOARD))) {
      assertThat(panel.get("datasource").get("type").asText()).isEqualTo("trino-datasource");
      assertThat(panel.get("datasource").get("uid").asText())
          .isEqualTo(GrafanaDatasource.TRINO_UID);
      assertThat(rawSql(panel))
          .as(panel.get("title").asText())
          .containsPattern("FROM awsdatacatalog\\.cloudtrail_analytics\\.\\w+")
          .doesNotContainPattern("(FROM|JOIN) (events|findings|console_logins)\\b");
    }
    assertThat(
            Files.readString(GrafanaDashboards.FOLDER.resolve(GrafanaDashboards.TRINO_DATASOURCE)))
        .contains("uid: " + GrafanaDatasource.TRINO_UID, "type: trino-datasource");
  }

  @Test
  void theAthenaDashboardQueriesTheDatabaseOfTheChosenDataSource() throws IOException {
    for (JsonNode panel :
        GrafanaDashboardJson.panels(
            GrafanaDashboardJson.read(GrafanaDashboards.ATHENA_DASHBOARD))) {
      JsonNode target = panel.get("targets").get(0);
      assertThat(target.get("datasource").get("type").asText())
          .isEqualTo("grafana-athena-datasource");
      assertThat(target.get("connectionArgs").get("database").asText())
          .isEqualTo("cloudtrail_analytics");
      assertThat(rawSql(panel)).doesNotContain("awsdatacatalog");
    }
  }

  @Test
  void aQueryWithMorePlaceholdersThanParametersIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                PanelSql.of("person_timeline", List.of("from", "to"), GrafanaDashboards.PARAMETERS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith(
            "person_timeline.sql has 5 placeholders but the manifest gives 2 parameters [from, to]");
  }

  @Test
  void aPlaceholderInAStringLiteralIsNotAParameter() throws IOException {
    PanelSql sql =
        PanelSql.of("security_group_changes", List.of("from", "to"), GrafanaDashboards.PARAMETERS);
    assertThat(sql.sql())
        .contains("'\"cidrIp(v6)?\":\"([^\"]+)\"'")
        .contains("WHERE dt BETWEEN substr('${__from:date:iso}', 1, 10)");
    assertThat(sql.description()).startsWith("EC2 security group changes:").doesNotContain("--");
  }

  /** The panel's SQL with each Grafana expression a {@code ?} again, and tables named short. */
  private static String placeholdersBack(String rawSql) {
    String sql = rawSql.replace("awsdatacatalog.cloudtrail_analytics.", "");
    for (String expression : GrafanaDashboards.PARAMETERS.values()) {
      sql = sql.replace(expression, "?");
    }
    return sql;
  }

  /** The saved query without its opening comment and its semicolon. */
  private static String statement(String query) throws IOException {
    String text = Files.readString(PanelSql.QUERIES.resolve(query + ".sql"));
    return text.replaceAll("\\A(--[^\\n]*\\n)+", "").strip().replaceAll(";$", "");
  }

  private static Set<String> variables(String text) {
    Set<String> names = new TreeSet<>();
    Matcher variable = VARIABLE.matcher(text);
    while (variable.find()) {
      names.add(variable.group(1));
    }
    return names;
  }

  private static String rawSql(JsonNode panel) {
    return GrafanaDashboardJson.rawSql(panel);
  }

  private static Dashboards read() {
    return Dashboards.load();
  }
}
