package com.cloudtrailanalytics.bench;

import com.cloudtrailanalytics.sample.SyntheticTrail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The job against the floor and a peer on the same files: a generated trail of N events (default 5
 * million), the bounded job with only the two activity tables (the references' work), the same
 * again with the throughput collector that the cluster configurations give TaskManagers ({@code
 * -XX:+UseParallelGC}; whole runs only), and with every table, a plain Java program on all cores,
 * and DuckDB. Each is run {@code --runs} times (the median is reported). The job's fixed cost
 * (start-up and shutdown) is a run over a one-file trail; its steady rate, after start-up and JIT
 * warm-up, is the marginal rate between a trail of N/2 events and one of N: (N - N/2) / (time for N
 * - time for N/2). The fixed cost is measured again with a class-data-sharing archive, written once
 * by a run over the one-file trail with every table ({@code -XX:ArchiveClassesAtExit}), as the
 * README shows users; {@code -Xshare:on} makes a run fail rather than go on without the archive.
 *
 * <p>{@code bench/run-end-to-end.sh [--events N] [--runs R] [--heap 1g] [--max-rss-mb 1536] [--dir
 * D]}: exits 1 when a run with every table peaks above {@code --max-rss-mb} of resident memory.
 */
public final class EndToEndBenchmark {

  private static final String ACTIVITY = "user_activity,region_activity";
  private static final String EVERY_TABLE =
      "user_activity,region_activity,console_logins,console_login_summary,events";

  /** The collector the cluster configurations give TaskManagers, against the JVM's default. */
  private static final List<String> PARALLEL_GC = List.of("-XX:+UseParallelGC");

  public static void main(String[] args) throws Exception {
    long events = Long.parseLong(BenchArgs.option(args, "--events", "5000000"));
    int runs = Integer.parseInt(BenchArgs.option(args, "--runs", "3"));
    String heap = BenchArgs.option(args, "--heap", "1g");
    Path jar = Path.of(BenchArgs.option(args, "--jar", "job/target/cloudtrail-analytics.jar"));
    Path dir = Path.of(BenchArgs.option(args, "--dir", "bench/target/end-to-end"));
    long maxRssMb = Long.parseLong(BenchArgs.option(args, "--max-rss-mb", "1536"));

    Path trail = BenchTrails.generated(dir, events);
    Path half = BenchTrails.generated(dir, events / 2);
    Path tiny = dir.resolve("trail-tiny");
    if (!Files.exists(tiny)) {
      new SyntheticTrail(
              new SyntheticTrail.Settings(
                  1, 1, 1, 1, 42, Instant.parse("2025-01-01T00:00:00Z"), null))
          .writeTo(tiny);
    }
    Path archive = dir.resolve("cloudtrail-analytics.jsa");
    Files.deleteIfExists(archive);
    JobRun.of(
        List.of("-XX:ArchiveClassesAtExit=" + archive),
        jar,
        heap,
        tiny,
        fresh(dir.resolve("out-tiny")),
        EVERY_TABLE,
        List.of());
    List<String> withArchive = List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive);
    List<Path> files = BenchTrails.logFiles(trail);
    long gzBytes = 0;
    for (Path file : files) {
      gzBytes += Files.size(file);
    }
    System.out.printf(
        "%,d log files, %,d MB gzipped, %d cores, job heap %s%n",
        files.size(), gzBytes >> 20, Runtime.getRuntime().availableProcessors(), heap);

    List<Double> floor = new ArrayList<>();
    List<Double> duckdb = new ArrayList<>();
    JobRuns activity = new JobRuns();
    JobRuns everything = new JobRuns();
    JobRuns activityParallelGc = new JobRuns();
    List<Double> startup = new ArrayList<>();
    List<Double> startupArchived = new ArrayList<>();
    List<Double> activityHalf = new ArrayList<>();
    List<Double> everythingHalf = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      long started = System.nanoTime();
      PlainJavaAggregates.Counts counts = PlainJavaAggregates.run(files);
      floor.add(seconds(started));
      System.out.printf("run %d floor:    %6.1f s, %s%n", run, last(floor), counts);

      started = System.nanoTime();
      counts = DuckDbAggregates.run(trail);
      duckdb.add(seconds(started));
      System.out.printf("run %d DuckDB:   %6.1f s, %s%n", run, last(duckdb), counts);

      print(
          run,
          "activity tables",
          activity.add(JobRun.of(jar, heap, trail, fresh(dir.resolve("out-activity")), ACTIVITY)));
      print(
          run,
          "activity tables, parallel GC",
          activityParallelGc.add(
              JobRun.of(
                  PARALLEL_GC,
                  jar,
                  heap,
                  trail,
                  fresh(dir.resolve("out-activity")),
                  ACTIVITY,
                  List.of())));
      print(
          run,
          "every table",
          everything.add(JobRun.of(jar, heap, trail, fresh(dir.resolve("out-all")), EVERY_TABLE)));

      activityHalf.add(
          JobRun.of(jar, heap, half, fresh(dir.resolve("out-activity")), ACTIVITY).seconds());
      everythingHalf.add(
          JobRun.of(jar, heap, half, fresh(dir.resolve("out-all")), EVERY_TABLE).seconds());
      System.out.printf(
          "run %d job on N/2 events: activity tables %6.1f s, every table %6.1f s%n",
          run, last(activityHalf), last(everythingHalf));
      startup.add(JobRun.of(jar, heap, tiny, fresh(dir.resolve("out-tiny")), ACTIVITY).seconds());
      startupArchived.add(
          JobRun.of(
                  withArchive, jar, heap, tiny, fresh(dir.resolve("out-tiny")), ACTIVITY, List.of())
              .seconds());
      System.out.printf(
          "run %d job start-up (one file): %6.1f s, with the class-data archive %6.1f s%n",
          run, last(startup), last(startupArchived));
    }

    double fixed = BenchArgs.median(startup);
    double floorRate = events / BenchArgs.median(floor);
    System.out.printf("%nMedians of %d runs, %,d events:%n", runs, events);
    System.out.println(
        "| Run | Wall time | Events/s | Steady events/s | Ratio to floor (steady) | Peak RSS |");
    System.out.println("|---|---|---|---|---|---|");
    row(
        "Floor: plain Java, all cores",
        BenchArgs.median(floor),
        events,
        events / BenchArgs.median(floor),
        floorRate,
        -1);
    row(
        "DuckDB read_json",
        BenchArgs.median(duckdb),
        events,
        events / BenchArgs.median(duckdb),
        floorRate,
        -1);
    row(
        "Job, activity tables",
        activity.medianSeconds(),
        events,
        (events - events / 2) / (activity.medianSeconds() - BenchArgs.median(activityHalf)),
        floorRate,
        activity.medianPeakRssBytes());
    row(
        "Job, activity tables, `-XX:+UseParallelGC`",
        activityParallelGc.medianSeconds(),
        events,
        -1,
        floorRate,
        activityParallelGc.medianPeakRssBytes());
    row(
        "Job, every table",
        everything.medianSeconds(),
        events,
        (events - events / 2) / (everything.medianSeconds() - BenchArgs.median(everythingHalf)),
        floorRate,
        everything.medianPeakRssBytes());
    System.out.printf(
        "Job start-up and shutdown (one-file trail): %.1f s, with the class-data archive %.1f s."
            + " Job (activity) wall time / DuckDB: %.2f, with the parallel GC %.2f%n",
        fixed,
        BenchArgs.median(startupArchived),
        activity.medianSeconds() / BenchArgs.median(duckdb),
        activityParallelGc.medianSeconds() / BenchArgs.median(duckdb));
    System.out.printf(
        "Job CPU time (user and system, whole process, N events), medians: activity tables %.1f s,"
            + " every table %.1f s%n",
        activity.medianCpuSeconds(), everything.medianCpuSeconds());
    long peakRssMb = everything.highestPeakRssBytes() >> 20;
    boolean withinBound = peakRssMb <= maxRssMb;
    System.out.printf(
        "Check: every table, highest peak RSS of %d runs %,d MB <= %,d MB (heap %s): %s%n",
        runs, peakRssMb, maxRssMb, heap, withinBound ? "ok" : "FAILED");
    if (!withinBound) {
      System.exit(1);
    }
  }

  private static void row(
      String name, double seconds, long events, double steady, double floorRate, long rss) {
    System.out.printf(
        "| %s | %.1f s | %,.0f | %s | %s | %s |%n",
        name,
        seconds,
        events / seconds,
        steady < 0 ? "" : String.format("%,.0f", steady),
        steady < 0 ? "" : String.format("%.2f", steady / floorRate),
        rss < 0 ? "" : String.format("%,d MB", rss >> 20));
  }

  /**
   * One job run's line: wall and CPU time, peak memory, and the lines of its summary that check.
   */
  private static void print(int run, String tables, JobRun job) {
    System.out.printf(
        "run %d job (%s): %6.1f s, CPU %6.1f s, peak RSS %,d MB%n%s",
        run,
        tables,
        job.seconds(),
        job.cpuSeconds(),
        job.peakRssBytes() >> 20,
        checkLines(job.summary()));
  }

  private static String checkLines(String summary) {
    StringBuilder lines = new StringBuilder();
    for (String line : summary.split("\n")) {
      if (line.startsWith("Check:")
          || line.startsWith("Finished")
          || line.strip().startsWith("user_activity ")
          || line.strip().startsWith("region_activity ")) {
        lines.append("    ").append(line).append('\n');
      }
    }
    return lines.toString();
  }

  private static Path fresh(Path dir) throws Exception {
    BenchTrails.delete(dir);
    return dir;
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static double last(List<Double> values) {
    return values.get(values.size() - 1);
  }
}
