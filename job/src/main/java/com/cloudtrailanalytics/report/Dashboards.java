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
   * marks, and the chart.
   */
  public record Panel(String title, String query, List<String> parameters, Chart chart) {

    /** The saved query's text, ready to prepare: its trailing semicolon removed. */
    public String sql() {
      String sql = resource(QUERIES + query + ".sql").strip();
      return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }
  }

  /**
   * A chart, with the query's output columns it draws: x, y and series for line and area; label and
   * y for bar; latitude, longitude, size and label for map; none for table.
   */
  public record Chart(
      String type,
      String x,
      List<String> y,
      String series,
      String label,
      String latitude,
      String longitude,
      String size) {

    static Chart table() {
      return new Chart("table", null, List.of(), null, null, null, null, null);
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
    Map<String, Object> chart = (Map<String, Object>) panel.get("chart");
    return new Panel(
        (String) panel.get("title"),
        (String) panel.get("query"),
        (List<String>) panel.get("parameters"),
        new Chart(
            (String) chart.get("type"),
            (String) chart.get("x"),
            (List<String>) chart.getOrDefault("y", List.of()),
            (String) chart.get("series"),
            (String) chart.get("label"),
            (String) chart.get("latitude"),
            (String) chart.get("longitude"),
            (String) chart.get("size")));
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
