package com.cloudtrailanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.config.TableNames;
import com.cloudtrailanalytics.testing.JobConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table's operators keep their ids whichever other tables the job writes. */
class TableOperatorIdsTest {

  @TempDir Path dir;

  @Test
  void aTableTurnedOnOrOffLeavesTheOtherTablesIdsAlone() throws Exception {
    Set<String> activityOnly = operatorIds(String.join(",", TableNames.ACTIVITY));
    Set<String> everyTable = operatorIds(String.join(",", TableNames.CHOOSABLE));

    assertThat(activityOnly)
        .as("every operator has an id")
        .doesNotContain("null")
        .contains("cloudtrail-files", "event-time")
        .anyMatch(id -> id.startsWith(TableNames.REGION_ACTIVITY + "_1_"));
    assertThat(everyTable).containsAll(activityOnly);
    assertThat(everyTable)
        .anyMatch(id -> id.startsWith(TableNames.CONSOLE_LOGINS + "_"))
        .noneMatch(
            id -> id.startsWith(TableNames.CONSOLE_LOGINS + "_") && activityOnly.contains(id));
  }

  private Set<String> operatorIds(String tables) throws Exception {
    Path input = Files.createDirectories(dir.resolve("trail"));
    Configuration config = JobConfigs.bounded(input, dir.resolve("output-" + tables.hashCode()));
    config.set(JobOptions.TABLES, List.of(tables.split(",")));
    Set<String> ids = new TreeSet<>();
    for (StreamNode node : CloudTrailJob.create(config).graph().getStreamNodes()) {
      ids.add(String.valueOf(node.getTransformationUID()));
    }
    return ids;
  }
}
