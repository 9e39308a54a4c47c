package com.cloudtrailanalytics.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A dashboard of docker/grafana/dashboards/ read back: its panels, their SQL and columns. */
public final class GrafanaDashboardJson {

  /** The column names in a "filter fields by name" pattern: {@code (hour|events)( .*)?}. */
  private static final Pattern ALTERNATIVES = Pattern.compile("^\\(([\\w|]+)\\)");

  private GrafanaDashboardJson() {}

  /** The dashboard {@code file}, a path under docker/grafana/; fails if it is not JSON. */
  public static JsonNode read(String file) throws IOException {
    return new ObjectMapper().readTree(GrafanaDashboards.FOLDER.resolve(file).toFile());
  }

  /** The panels of a dashboard, without its rows. */
  public static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.get("panels")) {
      if (!panel.get("type").asText().equals("row")) {
        panels.add(panel);
      }
    }
    return panels;
  }

  /** The SQL of a panel's query, as Grafana sends it before filling in the variables. */
  public static String rawSql(JsonNode panel) {
    return panel.get("targets").get(0).get("rawSQL").asText();
  }

  /** The columns of its query's answer that a panel's chart names. */
  public static Set<String> columnsNamed(JsonNode panel) {
    Set<String> columns = new TreeSet<>();
    for (JsonNode transformation : panel.path("transformations")) {
      JsonNode include = transformation.path("options").path("include");
      include.path("names").forEach(name -> columns.add(name.asText()));
      Matcher alternatives = ALTERNATIVES.matcher(include.path("pattern").asText());
      if (alternatives.find()) {
        columns.addAll(List.of(alternatives.group(1).split("\\|")));
      }
    }
    JsonNode options = panel.path("options");
    if (options.has("xField")) {
      columns.add(options.get("xField").asText());
    }
    for (JsonNode layer : options.path("layers")) {
      JsonNode style = layer.path("config").path("style");
      columns.add(layer.path("location").path("latitude").asText());
      columns.add(layer.path("location").path("longitude").asText());
      columns.add(style.path("size").path("field").asText());
      columns.add(style.path("text").path("field").asText());
    }
    return columns;
  }
}
