package com.cloudtrailanalytics.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The dashboards of sql/dashboards/dashboards.yaml: each panel draws the answer of one saved query
 * of sql/athena/queries/.
 */
public record Dashboards(List<Dashboard> dashboards) {

  private static final ObjectMapper MANIFEST_READER =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  static final String MANIFEST = "sql/dashboards/dashboards.yaml";
  static final String QUERIES = "sql/athena/queries/";

  /** A dashboard: a title and its panels, in order. */
  public record Dashboard(String title, List<Panel> panels) {}

  /**
   * A panel: the saved query it draws, its parameters' names in the order of the query's {@code ?}
   * marks, the chart, and what an answer with no rows means when that is good news (else null).
   */
  public record Panel(
      String title, String query, List<String> parameters, Chart chart, String empty) {

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

    public Chart {
      y = y == null ? List.of() : List.copyOf(y);
    }

    static Chart table() {
      return new Chart("table", null, List.of(), null, null, null, null, null);
    }
  }

  /** The dashboards bundled with the job. */
  public static Dashboards load() {
    try {
      return MANIFEST_READER.readValue(resource(MANIFEST), Dashboards.class);
    } catch (IOException e) {
      throw new UncheckedIOException(MANIFEST + " cannot be read", e);
    }
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
