package com.cloudtrailanalytics.bench;

import com.cloudtrailanalytics.sample.SampleGeoDatabases;
import java.nio.file.Path;
import java.util.List;

/**
 * What the findings cost: the bounded job with the two activity tables, and with the activity
 * tables plus {@code findings} (the built-in Sigma rules and every stateful detection, with a City
 * database), alternated on the same trail, {@code --runs} times each, with each run's CPU time.
 *
 * <p>{@code bench/run-findings-cost.sh [--events N] [--runs R] [--heap 1g] [--min-ratio 0.8]}:
 * exits 1 when the throughput with findings on N events (the median wall time without, over the
 * median with) is below {@code --min-ratio}. Whole runs only: a steady rate, the difference of two
 * medians (N/2 and N events), gave 0.71 and 0.96 in two runs of the same job on 2 cores, so the
 * time goes into more runs of N instead.
 */
public final class FindingsCostBenchmark {

  private static final String ACTIVITY = "user_activity,region_activity";
  private static final String WITH_FINDINGS = ACTIVITY + ",findings";

  public static void main(String[] args) throws Exception {
    long events = Long.parseLong(BenchArgs.option(args, "--events", "2000000"));
    int runs = Integer.parseInt(BenchArgs.option(args, "--runs", "5"));
    String heap = BenchArgs.option(args, "--heap", "1g");
    double minRatio = Double.parseDouble(BenchArgs.option(args, "--min-ratio", "0.8"));
    Path jar = Path.of(BenchArgs.option(args, "--jar", "job/target/cloudtrail-analytics.jar"));
    Path dir = Path.of(BenchArgs.option(args, "--dir", "bench/target/end-to-end"));

    Path trail = BenchTrails.generated(dir, events);
    SampleGeoDatabases.Written geo = SampleGeoDatabases.writeTo(dir.resolve("geoip"));
    List<String> flags = List.of("--geoip-db", geo.city().toString());

    JobRuns without = new JobRuns();
    JobRuns withFindings = new JobRuns();
    Path output = dir.resolve("out-findings-cost");
    for (int run = 1; run <= runs; run++) {
      JobRun activity = without.add(run(jar, heap, trail, output, ACTIVITY, flags));
      JobRun findings = withFindings.add(run(jar, heap, trail, output, WITH_FINDINGS, flags));
      System.out.printf(
          "run %d: activity tables %6.1f s, CPU %6.1f s; with findings %6.1f s, CPU %6.1f s%n",
          run,
          activity.seconds(),
          activity.cpuSeconds(),
          findings.seconds(),
          findings.cpuSeconds());
    }
    double ratio = without.medianSeconds() / withFindings.medianSeconds();
    System.out.printf(
        "%nMedians of %d runs, %,d events: activity tables %.1f s, with findings %.1f s%n",
        runs, events, without.medianSeconds(), withFindings.medianSeconds());
    System.out.printf(
        "CPU time (user and system, whole process), medians: %.1f s and %.1f s;"
            + " the activity run's share of the run with findings: %.2f%n",
        without.medianCpuSeconds(),
        withFindings.medianCpuSeconds(),
        without.medianCpuSeconds() / withFindings.medianCpuSeconds());
    boolean kept = ratio >= minRatio;
    System.out.printf(
        "Check: throughput with findings / without (N events, medians of wall time) = %.2f"
            + " >= %.2f: %s%n",
        ratio, minRatio, kept ? "ok" : "FAILED");
    if (!kept) {
      System.exit(1);
    }
  }

  private static JobRun run(
      Path jar, String heap, Path trail, Path output, String tables, List<String> flags)
      throws Exception {
    BenchTrails.delete(output);
    return JobRun.of(jar, heap, trail, output, tables, flags);
  }
}
