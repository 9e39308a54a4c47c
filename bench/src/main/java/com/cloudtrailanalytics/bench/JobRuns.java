package com.cloudtrailanalytics.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The runs of one configuration of the job, for their medians. */
final class JobRuns {

  private final List<JobRun> runs = new ArrayList<>();

  /** Keeps {@code run}; returns it. */
  JobRun add(JobRun run) {
    runs.add(run);
    return run;
  }

  double medianSeconds() {
    return median(JobRun::seconds);
  }

  double medianCpuSeconds() {
    return median(JobRun::cpuSeconds);
  }

  long medianPeakRssBytes() {
    return (long) median(JobRun::peakRssBytes);
  }

  long highestPeakRssBytes() {
    return runs.stream().mapToLong(JobRun::peakRssBytes).max().orElse(0);
  }

  private double median(ToDoubleFunction<JobRun> value) {
    return BenchArgs.median(runs.stream().map(run -> value.applyAsDouble(run)).toList());
  }
}
