package com.cloudtrailanalytics.cli;

import com.cloudtrailanalytics.config.JobSettings;
import com.cloudtrailanalytics.pipeline.Checkpoints;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.summary.OutputTable;
import java.io.IOException;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.core.fs.Path;

/**
 * How an embedded run starts, so that running the same command again after a crash is enough: from
 * the newest checkpoint when there is one, else from scratch, unless the output already holds a
 * finished run (committed files appear only at checkpoints, and a finished job deletes its
 * checkpoints), which starting again would count twice.
 */
final class Resumption {

  enum Start {
    FRESH,
    RESUMED,
    ALREADY_FINISHED
  }

  private Resumption() {}

  static Start prepare(Configuration config, JobSettings settings) throws IOException {
    if (config.contains(StateRecoveryOptions.SAVEPOINT_PATH)) {
      return Start.RESUMED;
    }
    Optional<String> checkpoint =
        Checkpoints.latest(CloudTrailJob.checkpointDirectory(config, settings));
    if (checkpoint.isPresent()) {
      config.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.get());
      config.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
      return Start.RESUMED;
    }
    return OutputTable.hasCommittedFiles(new Path(settings.output(), "source_files"))
        ? Start.ALREADY_FINISHED
        : Start.FRESH;
  }
}
