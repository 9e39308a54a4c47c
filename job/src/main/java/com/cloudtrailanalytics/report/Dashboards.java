package com.cloudtrailanalytics.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The dashboards of sql/dashboards/dashboards.yaml: each panel draws the answer of one saved query
 * of sql/athena/queries/.
 */
public record Dashboards(List<Dashboard> dashboards) {

  static final String MANIFEST = "sql/dashboards/dashboards.yaml";
  static final String QUERIES = "sql/athena/queries/";

  /** A dashboard: a title and its panels, in order. */
  public record Dashboard(String title, List<Panel> panels) {}

  /**
   * A panel: the saved query it draws, its parameters' names in the order of the query's {@code ?}
   * marks, and the chart (its {@code type} and the columns it draws).
   */
  public record Panel(String title, String query, List<String> parameters, Map<String, ?> chart) {

    public String chartType() {
      return (String) chart.get("type");
    }

    /** The saved query's text, ready to prepare: its trailing semicolon removed. */
    public String sql() {
      String sql = resource(QUERIES + query + ".sql").strip();
      return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }
  }

  /** The dashboards bundled with the job. */
  @SuppressWarnings("unchecked")
  public static Dashboards load() {
    Map<String, Object> manifest =
        new Yaml(new SafeConstructor(new LoaderOptions())).load(resource(MANIFEST));
    List<Map<String, Object>> dashboards = (List<Map<String, Object>>) manifest.get("dashboards");
    return new Dashboards(
        dashboards.stream()
            .map(
                dashboard ->
                    new Dashboard(
                        (String) dashboard.get("title"),
                        ((List<Map<String, Object>>) dashboard.get("panels"))
                            .stream().map(Dashboards::panel).toList()))
            .toList());
  }

  @SuppressWarnings("unchecked")
  private static Panel panel(Map<String, Object> panel) {
    return new Panel(
        (String) panel.get("title"),
        (String) panel.get("query"),
        (List<String>) panel.get("parameters"),
        (Map<String, ?>) panel.get("chart"));
  }

  private static String resource(String name) {
    try (InputStream in = Dashboards.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the job's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
