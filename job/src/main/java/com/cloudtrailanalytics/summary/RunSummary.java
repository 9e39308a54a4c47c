package com.cloudtrailanalytics.summary;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.core.fs.Path;

/**
 * What the output holds, read back from its committed Parquet files, and whether it adds up: every
 * event read is either counted in each activity table's windows or listed in {@code late_events},
 * and is listed once in {@code events}.
 *
 * <p>Reading the output rather than counting in the job keeps the numbers exact across restarts;
 * they describe everything the output folder holds.
 */
public record RunSummary(
    String output,
    Map<String, TableSize> tables,
    Map<String, Long> filesByStatus,
    long events,
    long rejectedRecords,
    Map<String, Long> eventsInWindows,
    long lateEvents) {

  /** Windowed tables whose {@code event_count} must add up to the events read. */
  static final List<String> WINDOWED_TABLES = List.of("user_activity", "region_activity");

  /** The table that lists every event. */
  static final String EVENTS_TABLE = "events";

  public record TableSize(long rows, int files) {}

  public static RunSummary read(String output, List<String> tableNames) throws IOException {
    Map<String, TableSize> tables = new LinkedHashMap<>();
    for (String name : tableNames) {
      OutputTable table = OutputTable.at(new Path(output, name));
      tables.put(name, new TableSize(table.rowCount(), table.fileCount()));
    }
    Map<String, Long> filesByStatus = new LinkedHashMap<>();
    filesByStatus.put("read", 0L);
    filesByStatus.put("rejected", 0L);
    filesByStatus.put("skipped", 0L);
    long[] records = new long[2];
    OutputTable.at(new Path(output, "source_files"))
        .forEachRow(
            List.of("status", "events", "rejected_records"),
            row -> {
              filesByStatus.merge(OutputTable.stringValue(row, "status"), 1L, Long::sum);
              records[0] += OutputTable.longValue(row, "events");
              records[1] += OutputTable.longValue(row, "rejected_records");
            });
    Map<String, Long> inWindows = new LinkedHashMap<>();
    for (String windowed : WINDOWED_TABLES) {
      if (tableNames.contains(windowed)) {
        inWindows.put(windowed, OutputTable.at(new Path(output, windowed)).sum("event_count"));
      }
    }
    long late = tables.containsKey("late_events") ? tables.get("late_events").rows() : 0;
    return new RunSummary(output, tables, filesByStatus, records[0], records[1], inWindows, late);
  }

  /**
   * True when every windowed table plus the late events accounts for every event read, and the
   * {@code events} table, when written, lists each of them.
   */
  public boolean reconciles() {
    return eventsInWindows.values().stream().allMatch(this::windowsAccountForEveryEvent)
        && (!tables.containsKey(EVENTS_TABLE) || eventsTableListsEveryEvent());
  }

  private boolean windowsAccountForEveryEvent(long countedInWindows) {
    return countedInWindows + lateEvents == events;
  }

  private boolean eventsTableListsEveryEvent() {
    return tables.get(EVENTS_TABLE).rows() == events;
  }

  public String format(Duration elapsed) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "Finished in %.1f s.%n", elapsed.toMillis() / 1000.0));
    text.append(
        String.format(
            Locale.ROOT,
            "Files:   %,d read, %,d rejected part-way, %,d skipped (not CloudTrail log files)%n",
            filesByStatus.getOrDefault("read", 0L),
            filesByStatus.getOrDefault("rejected", 0L),
            filesByStatus.getOrDefault("skipped", 0L)));
    text.append(
        String.format(
            Locale.ROOT,
            "Records: %,d read: %,d events, %,d rejected; %,d events arrived late%n",
            events + rejectedRecords,
            events,
            rejectedRecords,
            lateEvents));
    text.append(String.format(Locale.ROOT, "Output:  %s%n", output));
    for (Map.Entry<String, TableSize> table : tables.entrySet()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %-24s %,12d rows in %,d files%n",
              table.getKey(),
              table.getValue().rows(),
              table.getValue().files()));
    }
    for (Map.Entry<String, Long> counted : eventsInWindows.entrySet()) {
      text.append(
          String.format(
              Locale.ROOT,
              "Check:   %,d records read = %,d in %s + %,d late + %,d rejected: %s%n",
              events + rejectedRecords,
              counted.getValue(),
              counted.getKey(),
              lateEvents,
              rejectedRecords,
              windowsAccountForEveryEvent(counted.getValue()) ? "ok" : "MISMATCH"));
    }
    if (tables.containsKey(EVENTS_TABLE)) {
      text.append(
          String.format(
              Locale.ROOT,
              "Check:   %,d records read = %,d in %s + %,d rejected: %s%n",
              events + rejectedRecords,
              tables.get(EVENTS_TABLE).rows(),
              EVENTS_TABLE,
              rejectedRecords,
              eventsTableListsEveryEvent() ? "ok" : "MISMATCH"));
    }
    return text.toString();
  }
}
