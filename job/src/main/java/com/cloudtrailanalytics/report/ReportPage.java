package com.cloudtrailanalytics.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as one HTML file that works offline: the page, its style and script, ECharts, the
 * world map and the panels' data, all inlined.
 */
final class ReportPage {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final int TABLE_ROWS = 200;
  static final int BARS = 25;

  private ReportPage() {}

  /** A panel and what it shows. */
  record DrawnPanel(Dashboards.Panel panel, PanelResult result) {}

  /** A dashboard's title and panels. */
  record DrawnDashboard(String title, List<DrawnPanel> panels) {}

  static String html(Map<String, Object> header, List<DrawnDashboard> dashboards)
      throws IOException {
    Map<String, Object> data = new LinkedHashMap<>(header);
    data.put("dashboards", dashboards.stream().map(ReportPage::dashboard).toList());
    // "</" would end the script element that holds the data; "<\/" is the same JSON string
    String json = JSON.writeValueAsString(data).replace("</", "<\\/");
    return resource("report/report.html")
        .replace("@@STYLE@@", resource("report/report.css"))
        .replace("@@SCRIPT@@", resource("report/report.js"))
        .replace("@@WORLD_MAP@@", resource("report/vendor/world.js"))
        .replace("@@ECHARTS@@", resource("report/vendor/echarts.min.js"))
        .replace("@@DATA@@", json);
  }

  private static Map<String, Object> dashboard(DrawnDashboard dashboard) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("title", dashboard.title());
    json.put("panels", dashboard.panels().stream().map(ReportPage::panel).toList());
    return json;
  }

  private static Map<String, Object> panel(DrawnPanel drawn) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("title", drawn.panel().title());
    json.put("query", drawn.panel().query());
    json.put("parameters", drawn.panel().parameters());
    json.put("chart", drawn.panel().chart());
    List<List<Object>> rows = drawn.result().rows();
    json.put("columns", drawn.result().columns());
    json.put("rows", rows.subList(0, Math.min(rows.size(), shown(drawn.panel().chart()))));
    json.put("rowCount", rows.size());
    json.put("empty", drawn.result().emptyBecause());
    json.put("allClear", drawn.result().allClear());
    return json;
  }

  /**
   * How many rows of a panel the page holds: a table shows the first 200 and a bar chart the first
   * 25 (the queries put the most telling first), so a month of a large organization still makes a
   * page a browser opens; the page says how many more there are.
   */
  private static int shown(Dashboards.Chart chart) {
    return switch (chart.type()) {
      case "table" -> TABLE_ROWS;
      case "bar" -> BARS;
      default -> Integer.MAX_VALUE;
    };
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is missing from the job's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
