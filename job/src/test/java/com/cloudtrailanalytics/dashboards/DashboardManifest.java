package com.cloudtrailanalytics.dashboards;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * sql/dashboards/dashboards.yaml, read for the Grafana dashboards: the dashboards, their panels,
 * the saved query and parameters of each panel and its chart.
 */
public record DashboardManifest(List<Dashboard> dashboards) {

  public static final Path FILE = Path.of("..", "sql", "dashboards", "dashboards.yaml");

  public record Dashboard(String title, List<Panel> panels) {}

  /** A panel: the saved query {@code sql/athena/queries/<query>.sql}, its {@code ?} in order. */
  public record Panel(String title, String query, List<String> parameters, Chart chart) {}

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
      String size) {}

  public static DashboardManifest read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      Map<String, Object> root = new Yaml().load(reader);
      return new DashboardManifest(
          list(root.get("dashboards")).stream().map(DashboardManifest::dashboard).toList());
    }
  }

  private static Dashboard dashboard(Object yaml) {
    Map<String, Object> dashboard = map(yaml);
    return new Dashboard(
        (String) dashboard.get("title"),
        list(dashboard.get("panels")).stream().map(DashboardManifest::panel).toList());
  }

  private static Panel panel(Object yaml) {
    Map<String, Object> panel = map(yaml);
    Map<String, Object> chart = map(panel.get("chart"));
    return new Panel(
        (String) panel.get("title"),
        (String) panel.get("query"),
        strings(panel.get("parameters")),
        new Chart(
            (String) chart.get("type"),
            (String) chart.get("x"),
            strings(chart.getOrDefault("y", List.of())),
            (String) chart.get("series"),
            (String) chart.get("label"),
            (String) chart.get("latitude"),
            (String) chart.get("longitude"),
            (String) chart.get("size")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object yaml) {
    return (Map<String, Object>) yaml;
  }

  private static List<?> list(Object yaml) {
    return (List<?>) yaml;
  }

  private static List<String> strings(Object yaml) {
    return list(yaml).stream().map(String::valueOf).toList();
  }
}
