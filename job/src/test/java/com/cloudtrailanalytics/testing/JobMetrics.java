package com.cloudtrailanalytics.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;

/**
 * The job's own metrics (the group {@code cloudtrail}: the event clock's counters and gauge, the
 * enumerator's), as a metric reporter on the test's MiniCluster receives them.
 */
public final class JobMetrics {

  private JobMetrics() {}

  /** Every counter of the job's {@code cloudtrail} groups, summed over parallel instances. */
  public static Map<String, Long> counters(InMemoryReporter reporter, JobID job) {
    Map<String, Long> totals = new TreeMap<>();
    reporter
        .getMetricsByGroup()
        .forEach(
            (group, metrics) -> {
              if (isOurs(group, job)) {
                metrics.forEach(
                    (name, metric) -> {
                      if (metric instanceof Counter counter) {
                        totals.merge(name, counter.getCount(), Long::sum);
                      }
                    });
              }
            });
    return totals;
  }

  /** The current values of a gauge of the job's {@code cloudtrail} groups, one per instance. */
  public static List<Object> gauge(InMemoryReporter reporter, JobID job, String name) {
    List<Object> values = new ArrayList<>();
    reporter
        .getMetricsByGroup()
        .forEach(
            (group, metrics) -> {
              if (isOurs(group, job) && metrics.get(name) instanceof Gauge<?> gauge) {
                values.add(gauge.getValue());
              }
            });
    return values;
  }

  private static boolean isOurs(MetricGroup group, JobID job) {
    return job.toString().equals(group.getAllVariables().get("<job_id>"))
        && group.getMetricIdentifier("x").endsWith(".cloudtrail.x");
  }
}
