package com.cloudtrailanalytics.report;

import com.cloudtrailanalytics.report.ReportPage.DrawnDashboard;
import com.cloudtrailanalytics.report.ReportPage.DrawnPanel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report: every dashboard's panels answered by DuckDB on the job's tables and written as one
 * HTML file.
 */
public final class Report {

  /**
   * What to report on.
   *
   * @param tables the job's output folder (local)
   * @param tablesName how to name the tables in the report (their folder, or the S3 location)
   * @param from first day (YYYY-MM-DD), or null for the first day with data
   * @param to last day, or null for the last day with data
   * @param person the user name the investigation follows, or null for whoever stopped or
   *     terminated the last instance
   * @param instance the instance id the investigation follows, or null for that last instance
   */
  public record Settings(
      Path tables, String tablesName, String from, String to, String person, String instance) {}

  /**
   * What was written: how many panels, how many of them with data, and how many with none because
   * nothing was amiss (a panel whose empty answer is good news).
   */
  public record Written(
      Path file,
      long bytes,
      int panels,
      int panelsWithData,
      int panelsAllClear,
      Map<String, String> parameters,
      Duration took) {}

  private Report() {}

  public static Written write(Settings settings, Path out) throws IOException, SQLException {
    Instant started = Instant.now();
    Dashboards dashboards = Dashboards.load();
    try (TableViews views = TableViews.of(settings.tables())) {
      Map<String, String> parameters = parameters(settings, views);
      PanelQueries queries = new PanelQueries(views, parameters);
      List<DrawnDashboard> drawn = new ArrayList<>();
      int panels = 0;
      int withData = 0;
      int allClear = 0;
      for (Dashboards.Dashboard dashboard : dashboards.dashboards()) {
        List<DrawnPanel> drawnPanels = new ArrayList<>();
        for (Dashboards.Panel panel : dashboard.panels()) {
          PanelResult result = queries.answer(panel);
          drawnPanels.add(new DrawnPanel(panel, result));
          panels++;
          withData += result.rows().isEmpty() ? 0 : 1;
          allClear += result.allClear() ? 1 : 0;
        }
        drawn.add(new DrawnDashboard(dashboard.title(), drawnPanels));
      }
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("tables", settings.tablesName());
      header.put("from", parameters.getOrDefault("from", "-"));
      header.put("to", parameters.getOrDefault("to", "-"));
      Map<String, String> subject = new LinkedHashMap<>();
      subject.put("person", parameters.get("person"));
      subject.put("instance", parameters.get("instance"));
      header.put("subject", subject);
      header.put("written", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      String html = ReportPage.html(header, drawn);
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, html, StandardCharsets.UTF_8);
      return new Written(
          out,
          Files.size(out),
          panels,
          withData,
          allClear,
          parameters,
          Duration.between(started, Instant.now()));
    }
  }

  /** The panels' parameters: the range, and the investigation's subject, given or chosen. */
  private static Map<String, String> parameters(Settings settings, TableViews views)
      throws SQLException {
    Map<String, String> parameters = views.range();
    if (settings.from() != null) {
      parameters.put("from", settings.from());
    }
    if (settings.to() != null) {
      parameters.put("to", settings.to());
    }
    if (settings.person() != null) {
      parameters.put("person", settings.person());
    }
    if (settings.instance() != null) {
      parameters.put("instance", settings.instance());
    }
    if (settings.person() == null || settings.instance() == null) {
      InstanceStops.last(views, parameters)
          .ifPresent(
              stop -> {
                parameters.putIfAbsent("person", stop.userName());
                parameters.putIfAbsent("instance", stop.instanceId());
              });
    }
    return parameters;
  }
}
