package com.cloudtrailanalytics.dashboards;

import com.cloudtrailanalytics.report.Dashboards.Chart;
import com.cloudtrailanalytics.report.Dashboards.Panel;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest panel as a Grafana panel: line and area as a time series (area stacked and filled),
 * bar as a horizontal stacked bar chart, map as a geomap with a marker per row, table as a table.
 * Charts draw only the manifest's columns: the other columns of the answer are filtered out.
 */
final class GrafanaPanels {

  static final int TIME_SERIES = 0;
  static final int TABLE = 1;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private GrafanaPanels() {}

  static boolean isTable(Chart chart) {
    return chart.type().equals("table");
  }

  static ObjectNode panel(Panel panel, PanelSql sql, GrafanaDatasource datasource, int id) {
    Chart chart = panel.chart();
    ObjectNode json =
        JSON.objectNode()
            .put("id", id)
            .put("type", grafanaType(chart))
            .put("title", panel.title())
            .put("description", sql.description());
    json.set("datasource", datasource.reference());
    ObjectNode target =
        JSON.objectNode()
            .put("refId", "A")
            .put("format", isTimeSeries(chart) ? TIME_SERIES : TABLE)
            .put("rawSQL", datasource.tableNames().apply(sql.sql()));
    target.set("datasource", datasource.reference());
    target.setAll(datasource.targetFields().deepCopy());
    json.set("targets", JSON.arrayNode().add(target));
    List<String> drawn = drawnColumns(chart);
    if (!drawn.isEmpty()) {
      json.set("transformations", JSON.arrayNode().add(keepOnly(drawn, isTimeSeries(chart))));
    }
    ObjectNode custom = JSON.objectNode();
    ObjectNode options = JSON.objectNode();
    switch (chart.type()) {
      case "line", "area" -> timeSeries(chart.type().equals("area"), custom, options);
      case "bar" -> barChart(chart, custom, options);
      case "map" -> geomap(chart, options);
      case "table" -> options.put("showHeader", true).put("cellHeight", "sm");
      default ->
          throw new IllegalArgumentException(
              "panel '" + panel.title() + "': unknown chart type '" + chart.type() + "'");
    }
    ObjectNode fieldConfig = json.putObject("fieldConfig");
    ObjectNode defaults = fieldConfig.putObject("defaults");
    if (panel.empty() != null) {
      // Grafana shows a panel's noValue in place of "No data"
      defaults.put("noValue", panel.empty());
    }
    if (!custom.isEmpty()) {
      defaults.set("custom", custom);
    }
    fieldConfig.putArray("overrides");
    json.set("options", options);
    return json;
  }

  private static String grafanaType(Chart chart) {
    return switch (chart.type()) {
      case "line", "area" -> "timeseries";
      case "bar" -> "barchart";
      case "map" -> "geomap";
      default -> chart.type();
    };
  }

  private static boolean isTimeSeries(Chart chart) {
    return chart.type().equals("line") || chart.type().equals("area");
  }

  /** The columns a chart draws; none for a table, which shows every column. */
  private static List<String> drawnColumns(Chart chart) {
    List<String> columns = new ArrayList<>();
    switch (chart.type()) {
      case "line", "area" -> columns.add(chart.x());
      case "bar" -> columns.add(chart.label());
      default -> {
        return columns;
      }
    }
    columns.addAll(chart.y());
    return columns;
  }

  /**
   * Grafana's "filter fields by name". A time series with a series column arrives pivoted, one
   * field per value with the value after the column's name ("events 123456789012 us-east-1"), so
   * there it matches on the name's first word (Grafana anchors the pattern at both ends).
   */
  private static ObjectNode keepOnly(List<String> columns, boolean pivoted) {
    ObjectNode include = JSON.objectNode();
    if (pivoted) {
      include.put("pattern", "(" + String.join("|", columns) + ")( .*)?");
    } else {
      ArrayNode names = include.putArray("names");
      columns.forEach(names::add);
    }
    ObjectNode filter = JSON.objectNode().put("id", "filterFieldsByName");
    filter.set("options", JSON.objectNode().set("include", include));
    return filter;
  }

  private static void timeSeries(boolean area, ObjectNode custom, ObjectNode options) {
    custom
        .put("drawStyle", "line")
        .put("lineWidth", 1)
        .put("fillOpacity", area ? 40 : 0)
        .put("showPoints", "auto");
    custom.set(
        "stacking", JSON.objectNode().put("mode", area ? "normal" : "none").put("group", "A"));
    options.set(
        "legend",
        JSON.objectNode()
            .put("showLegend", true)
            .put("displayMode", "list")
            .put("placement", "bottom"));
    options.set("tooltip", JSON.objectNode().put("mode", "multi").put("sort", "desc"));
  }

  private static void barChart(Chart chart, ObjectNode custom, ObjectNode options) {
    custom.put("fillOpacity", 80).put("lineWidth", 1);
    options
        .put("xField", chart.label())
        .put("orientation", "horizontal")
        .put("stacking", "normal")
        .put("showValue", "auto")
        .put("groupWidth", 0.7)
        .put("barWidth", 0.9)
        .put("xTickLabelRotation", 0);
    options.set(
        "legend",
        JSON.objectNode()
            .put("showLegend", true)
            .put("displayMode", "list")
            .put("placement", "bottom"));
    options.set("tooltip", JSON.objectNode().put("mode", "multi").put("sort", "none"));
  }

  /** A world map with a marker per row at its coordinates, sized by a column, labelled by one. */
  private static void geomap(Chart chart, ObjectNode options) {
    ObjectNode style = JSON.objectNode();
    style.set(
        "size",
        JSON.objectNode().put("field", chart.size()).put("fixed", 5).put("min", 4).put("max", 20));
    style.set("color", JSON.objectNode().put("fixed", "red"));
    style.put("opacity", 0.6);
    style.set(
        "text",
        JSON.objectNode().put("mode", "field").put("field", chart.label()).put("fixed", ""));
    style.set(
        "textConfig",
        JSON.objectNode()
            .put("fontSize", 12)
            .put("offsetY", -14)
            .put("textAlign", "center")
            .put("textBaseline", "bottom"));
    ObjectNode markers =
        JSON.objectNode().put("type", "markers").put("name", chart.size()).put("tooltip", true);
    markers.set(
        "location",
        JSON.objectNode()
            .put("mode", "coords")
            .put("latitude", chart.latitude())
            .put("longitude", chart.longitude()));
    markers.set("config", JSON.objectNode().put("showLegend", true).set("style", style));
    options.set(
        "view", JSON.objectNode().put("id", "zero").put("lat", 0).put("lon", 0).put("zoom", 1));
    options.set("controls", JSON.objectNode().put("showZoom", true).put("mouseWheelZoom", true));
    options.set("basemap", JSON.objectNode().put("type", "default").put("name", "Basemap"));
    options.set("layers", JSON.arrayNode().add(markers));
    options.set("tooltip", JSON.objectNode().put("mode", "details"));
  }
}
