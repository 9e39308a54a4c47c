package com.cloudtrailanalytics.run;

import com.cloudtrailanalytics.config.TableNames;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.core.fs.Path;
import org.apache.parquet.example.data.Group;

/**
 * What the output holds, read back from its committed Parquet files, and whether it adds up: every
 * event read is counted in each windowed table, in the row of its window or in a late row for it,
 * and the late rows hold exactly the events in {@code late_events}; {@code events} lists each event
 * once; every file under the input has its row in {@code source_files}.
 *
 * <p>Reading the output rather than counting in the job keeps the numbers exact across restarts;
 * they describe everything the output folder holds.
 *
 * @param inventory the input listed again, or null when it was not
 */
public record RunSummary(
    String output,
    Map<String, TableSize> tables,
    Map<String, Long> filesByStatus,
    Map<String, Long> skippedByProblem,
    List<String> notRead,
    long events,
    long insightEvents,
    long rejectedRecords,
    Map<String, WindowedCounts> windowed,
    long lateEvents,
    InputInventory.Result inventory) {

  /** Skip reasons for files the job knows and leaves aside on purpose; others are worth a look. */
  private static final Set<String> EXPECTED_SKIPS = Set.of("digest_file", "insight_file");

  public record TableSize(long rows, int files) {}

  /** A windowed table's count, over its on-time rows and over its late rows. */
  public record WindowedCounts(long onTime, long late) {
    long total() {
      return onTime + late;
    }
  }

  /** Reads the output's tables; does not list the input again. */
  public static RunSummary read(String output, List<String> tableNames) throws IOException {
    return read(output, tableNames, null);
  }

  /**
   * Reads the output's tables and, when {@code manifest} is given, lists its input again to check
   * that every file has its row in {@code source_files}.
   */
  public static RunSummary read(String output, List<String> tableNames, RunManifest manifest)
      throws IOException {
    Map<String, TableSize> tables = new LinkedHashMap<>();
    for (String name : tableNames) {
      OutputTable table = OutputTable.at(new Path(output, name));
      tables.put(name, new TableSize(table.rowCount(), table.fileCount()));
    }
    SourceFiles files = SourceFiles.read(output);
    Map<String, WindowedCounts> windowed = new LinkedHashMap<>();
    for (String table : TableNames.ACTIVITY) {
      if (tableNames.contains(table)) {
        windowed.put(table, windowedSum(output, table, "event_count"));
      }
    }
    if (tableNames.contains(TableNames.CONSOLE_LOGIN_SUMMARY)) {
      windowed.put(
          TableNames.CONSOLE_LOGIN_SUMMARY,
          windowedSum(output, TableNames.CONSOLE_LOGIN_SUMMARY, "logins"));
    }
    InputInventory.Result inventory =
        manifest == null
            ? null
            : InputInventory.take(
                manifest.input(), files.recorded, manifest.startDate(), manifest.startedAt());
    return new RunSummary(
        output,
        tables,
        files.byStatus,
        files.skippedByProblem,
        files.notRead,
        files.events,
        files.insightEvents,
        files.rejectedRecords,
        windowed,
        rows(tables, TableNames.LATE_EVENTS),
        inventory);
  }

  /** True when every check of {@link #format} is ok. */
  public boolean reconciles() {
    return checks().stream().allMatch(Check::ok);
  }

  /** One line of the reconciliation. */
  record Check(String text, boolean ok) {}

  List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    long read = events + rejectedRecords;
    for (String table : TableNames.ACTIVITY) {
      WindowedCounts counts = windowed.get(table);
      if (counts != null) {
        checks.add(
            new Check(
                String.format(
                    Locale.ROOT,
                    "%,d records read = %,d in %s + %,d in its late rows (%,d in late_events)"
                        + " + %,d rejected",
                    read,
                    counts.onTime(),
                    table,
                    counts.late(),
                    lateEvents,
                    rejectedRecords),
                counts.total() == events && counts.late() == lateEvents));
      }
    }
    WindowedCounts signIns = windowed.get(TableNames.CONSOLE_LOGIN_SUMMARY);
    if (signIns != null && tables.containsKey(TableNames.CONSOLE_LOGINS)) {
      checks.add(
          new Check(
              String.format(
                  Locale.ROOT,
                  "%,d console sign-ins = %,d in %s + %,d in its late rows",
                  rows(tables, TableNames.CONSOLE_LOGINS),
                  signIns.onTime(),
                  TableNames.CONSOLE_LOGIN_SUMMARY,
                  signIns.late()),
              signIns.total() == rows(tables, TableNames.CONSOLE_LOGINS)));
    }
    if (tables.containsKey(TableNames.EVENTS)) {
      checks.add(
          new Check(
              String.format(
                  Locale.ROOT,
                  "%,d records read = %,d in %s + %,d rejected",
                  read,
                  rows(tables, TableNames.EVENTS),
                  TableNames.EVENTS,
                  rejectedRecords),
              rows(tables, TableNames.EVENTS) == events));
    }
    if (tables.containsKey(TableNames.INSIGHT_EVENTS)) {
      checks.add(
          new Check(
              String.format(
                  Locale.ROOT,
                  "%,d Insights events read = %,d in %s",
                  insightEvents,
                  rows(tables, TableNames.INSIGHT_EVENTS),
                  TableNames.INSIGHT_EVENTS),
              rows(tables, TableNames.INSIGHT_EVENTS) == insightEvents));
    }
    if (inventory != null) {
      String missing =
          inventory.complete()
              ? ""
              : String.format(
                  Locale.ROOT,
                  "; %,d never read, e.g. %s",
                  inventory.withoutRow(),
                  String.join(", ", inventory.examples()));
      checks.add(
          new Check(
              String.format(
                  Locale.ROOT,
                  "%,d files under the input = %,d in source_files%s",
                  inventory.files(),
                  inventory.files() - inventory.withoutRow(),
                  missing),
              inventory.complete()));
    }
    return checks;
  }

  public String format(Duration elapsed) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "Finished in %.1f s.%n", elapsed.toMillis() / 1000.0));
    text.append(
        String.format(
            Locale.ROOT,
            "Files:   %,d read, %,d cut short or unreadable, %,d skipped%s%n",
            filesByStatus.getOrDefault("read", 0L),
            filesByStatus.getOrDefault("rejected", 0L),
            filesByStatus.getOrDefault("skipped", 0L),
            skippedByProblem.isEmpty() ? "" : " (" + describe(skippedByProblem) + ")"));
    for (String entry : notRead) {
      text.append(String.format(Locale.ROOT, "  set aside: %s%n", entry));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "Records: %,d read: %,d events, %s%,d rejected; %,d events arrived late%n",
            events + insightEvents + rejectedRecords,
            events,
            insightEvents == 0
                ? ""
                : String.format(Locale.ROOT, "%,d Insights events, ", insightEvents),
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
    for (Check check : checks()) {
      text.append(
          String.format(
              Locale.ROOT, "Check:   %s: %s%n", check.text(), check.ok() ? "ok" : "MISMATCH"));
    }
    if (inventory != null && inventory.arrivedDuringRun() > 0) {
      text.append(
          String.format(
              Locale.ROOT,
              "         (%,d files arrived under the input after the run started; the next run"
                  + " reads them)%n",
              inventory.arrivedDuringRun()));
    }
    return text.toString();
  }

  private static String describe(Map<String, Long> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((key, count) -> parts.add(String.format(Locale.ROOT, "%,d %s", count, key)));
    return String.join(", ", parts);
  }

  private static long rows(Map<String, TableSize> tables, String table) {
    TableSize size = tables.get(table);
    return size == null ? 0 : size.rows();
  }

  private static WindowedCounts windowedSum(String output, String table, String column)
      throws IOException {
    long[] sums = new long[2];
    OutputTable.at(new Path(output, table))
        .forEachRow(
            List.of(column, "late"),
            row ->
                sums[OutputTable.booleanValue(row, "late") ? 1 : 0] +=
                    OutputTable.longValue(row, column));
    return new WindowedCounts(sums[0], sums[1]);
  }

  /** What {@code source_files} says of the files the run listed. */
  private static final class SourceFiles {
    final Map<String, Long> byStatus = new LinkedHashMap<>();
    final Map<String, Long> skippedByProblem = new TreeMap<>();
    final List<String> notRead = new ArrayList<>();
    final Set<String> recorded = new HashSet<>();
    long events;
    long insightEvents;
    long rejectedRecords;

    static SourceFiles read(String output) throws IOException {
      SourceFiles files = new SourceFiles();
      files.byStatus.put("read", 0L);
      files.byStatus.put("rejected", 0L);
      files.byStatus.put("skipped", 0L);
      OutputTable.at(new Path(output, TableNames.SOURCE_FILES))
          .forEachRow(
              List.of(
                  "source_file", "status", "file_type", "problem", "events", "rejected_records"),
              files::add);
      return files;
    }

    private void add(Group row) {
      String path = OutputTable.stringValue(row, "source_file");
      String status = OutputTable.stringValue(row, "status");
      String problem = OutputTable.stringValue(row, "problem");
      recorded.add(path);
      byStatus.merge(status, 1L, Long::sum);
      if ("skipped".equals(status)) {
        skippedByProblem.merge(problem, 1L, Long::sum);
      }
      boolean worthALook =
          "rejected".equals(status)
              || "skipped".equals(status) && !EXPECTED_SKIPS.contains(problem);
      if (worthALook && notRead.size() < InputInventory.EXAMPLES) {
        notRead.add(path + " (" + problem + ")");
      }
      long rowEvents = OutputTable.longValue(row, "events");
      if ("insight".equals(OutputTable.stringValue(row, "file_type"))) {
        insightEvents += rowEvents;
      } else {
        events += rowEvents;
      }
      rejectedRecords += OutputTable.longValue(row, "rejected_records");
    }
  }
}
