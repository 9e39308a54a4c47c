package com.cloudtrailanalytics.run;

import com.cloudtrailanalytics.config.JobSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * What a run read, kept with its output ({@code <output>/_cloudtrail_run.json}; query engines skip
 * names that start with {@code _}): the input, the window, the first day, the tables, and when the
 * run first started. A later run over the same output must read the same, or its tables would mix
 * with the first run's.
 *
 * @param startedAt when the run first started: files that arrived after it may not have been read
 */
public record RunManifest(
    String input, Duration window, LocalDate startDate, List<String> tables, Instant startedAt) {

  static final String FILE_NAME = "_cloudtrail_run.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a run with these settings reads, starting now. */
  public static RunManifest of(JobSettings settings, Instant startedAt) {
    return new RunManifest(
        settings.input(),
        settings.window(),
        settings.startDate(),
        List.copyOf(settings.tables()),
        startedAt);
  }

  /** The manifest a run wrote into {@code output}, if any. */
  public static Optional<RunManifest> readFrom(String output) throws IOException {
    Path path = new Path(output, FILE_NAME);
    FileSystem fileSystem = path.getFileSystem();
    if (!fileSystem.exists(path)) {
      return Optional.empty();
    }
    try (InputStream in = fileSystem.open(path)) {
      JsonNode json = JSON.readTree(in.readAllBytes());
      List<String> tables = new ArrayList<>();
      json.get("tables").forEach(table -> tables.add(table.asText()));
      return Optional.of(
          new RunManifest(
              json.get("input").asText(),
              Duration.parse(json.get("window").asText()),
              json.hasNonNull("startDate") ? LocalDate.parse(json.get("startDate").asText()) : null,
              tables,
              Instant.parse(json.get("startedAt").asText())));
    }
  }

  public void writeTo(String output) throws IOException {
    ObjectNode json = JSON.createObjectNode();
    json.put("input", input);
    json.put("window", window.toString());
    json.put("startDate", startDate == null ? null : startDate.toString());
    tables.forEach(json.putArray("tables")::add);
    json.put("startedAt", startedAt.toString());
    Path path = new Path(output, FILE_NAME);
    try (OutputStream out = path.getFileSystem().create(path, FileSystem.WriteMode.OVERWRITE)) {
      out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
    }
  }

  /** The same reading, writing these tables from now on. */
  public RunManifest withTables(List<String> newTables) {
    return new RunManifest(input, window, startDate, List.copyOf(newTables), startedAt);
  }

  /** Whether a run with this manifest reads what {@code other}'s did. */
  public boolean readsTheSameAs(RunManifest other) {
    return input.equals(other.input)
        && window.equals(other.window)
        && Objects.equals(startDate, other.startDate)
        && tables.equals(other.tables);
  }

  /** The manifest's reading, as a user would write it on the command line. */
  public String describe() {
    return String.format(
        "--input %s --window %s%s --tables %s",
        input,
        window.toString().substring(2).toLowerCase(Locale.ROOT),
        startDate == null ? "" : " --start-date " + startDate,
        String.join(",", tables));
  }
}
