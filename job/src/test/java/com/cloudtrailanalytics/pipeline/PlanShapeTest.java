package com.cloudtrailanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.config.TableNames;
import com.cloudtrailanalytics.testing.JobConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shape of the planned job with every table: events cross between tasks only once, pre-counted,
 * into a windowed table's global aggregate, or filtered down to the few a stateful detection keeps
 * (sign-ins, access denied, instance sessions); everything else stays in the task that read them.
 */
class PlanShapeTest {

  private static final List<String> WINDOWED =
      List.of(
          TableNames.USER_ACTIVITY, TableNames.REGION_ACTIVITY, TableNames.CONSOLE_LOGIN_SUMMARY);

  @TempDir Path dir;

  @Test
  void eventsAreShuffledOnlyAfterATwoPhaseWindowAggregationHasCountedThemLocally()
      throws Exception {
    StreamGraph graph = everyTable();

    List<String> keyedEdges = new ArrayList<>();
    for (StreamNode node : graph.getStreamNodes()) {
      for (StreamEdge edge : node.getOutEdges()) {
        if (edge.getPartitioner() instanceof KeyGroupStreamPartitioner) {
          keyedEdges.add(
              node.getTransformationUID()
                  + " -> "
                  + graph.getStreamNode(edge.getTargetId()).getTransformationUID());
        }
      }
    }

    List<String> expected =
        new ArrayList<>(
            WINDOWED.stream()
                .map(
                    table ->
                        table + "_3_localwindowaggregate -> " + table + "_5_globalwindowaggregate")
                .toList());
    expected.addAll(
        List.of(
            "event-checks -> ct-new-country-sign-in",
            "event-checks -> ct-impossible-travel",
            "detection-failed -> ct-console-brute-force",
            "detection-failed -> ct-console-password-spraying",
            "event-checks -> ct-access-denied-burst",
            "event-checks -> ct-instance-credentials-outside-aws"));
    assertThat(keyedEdges).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void oneChainOfOperatorsTakesEachEventFromItsFileToEveryWriterAndLocalAggregate()
      throws Exception {
    List<String> tasks =
        everyTable().getJobGraph().getVerticesSortedTopologicallyFromSources().stream()
            .map(JobVertex::getName)
            .toList();

    String reading = tasks.get(0);
    assertThat(reading).startsWith("Source: CloudTrail files -> Event time");
    assertThat(tasks).filteredOn(task -> task.contains("Event time")).hasSize(1);
    int tables = TableNames.CHOOSABLE.size() + TableNames.ALWAYS_WRITTEN.size();
    assertThat(occurrences(reading, "LocalWindowAggregate")).isEqualTo(WINDOWED.size());
    // findings are written after the detections' keyed operators, in a task of their own
    assertThat(occurrences(reading, "streaming-writer")).isEqualTo(tables - WINDOWED.size() - 1);
  }

  private StreamGraph everyTable() throws Exception {
    Path input = Files.createDirectories(dir.resolve("trail"));
    Configuration config = JobConfigs.bounded(input, dir.resolve("output"));
    config.set(JobOptions.TABLES, List.copyOf(TableNames.CHOOSABLE));
    return CloudTrailJob.create(config).graph();
  }

  private static int occurrences(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
