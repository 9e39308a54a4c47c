package com.cloudtrailanalytics.run;

import com.cloudtrailanalytics.config.InvalidSettingException;
import com.cloudtrailanalytics.config.JobSettings;
import com.cloudtrailanalytics.config.TableNames;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
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
 *
 * <p>The output's {@link RunManifest} says what the run that wrote it read. A finished output is
 * only ever summarised again by the same command; a checkpoint is resumed only over the same input
 * and window (the tables may change: a table turned on starts from there).
 */
public final class Resumption {

  public enum Kind {
    FRESH,
    RESUMED,
    ALREADY_FINISHED
  }

  /**
   * How the run starts, and the manifest of what it reads.
   *
   * @param checkpoint the checkpoint or savepoint it resumes from, or null
   */
  public record Start(Kind kind, RunManifest manifest, String checkpoint) {

    /** The configuration that resumes from the checkpoint, taking it over from the job it ran. */
    public void applyTo(Configuration config) {
      if (checkpoint != null && !config.contains(StateRecoveryOptions.SAVEPOINT_PATH)) {
        config.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint);
        config.set(StateRecoveryOptions.RESTORE_MODE, RecoveryClaimMode.CLAIM);
      }
    }
  }

  private Resumption() {}

  /**
   * Decides how the run starts and records what it reads with its output.
   *
   * @throws InvalidSettingException when the output holds the tables of a run that read something
   *     else
   */
  public static Start prepare(Configuration config, JobSettings settings) throws IOException {
    RunManifest wanted = RunManifest.of(settings, Instant.now());
    Optional<RunManifest> recorded = RunManifest.readFrom(settings.output());
    Optional<String> checkpoint = config.getOptional(StateRecoveryOptions.SAVEPOINT_PATH);
    if (checkpoint.isEmpty()) {
      checkpoint = Checkpoints.latest(CloudTrailJob.checkpointDirectory(config, settings));
    }
    if (checkpoint.isPresent()) {
      RunManifest resumed = wanted;
      if (recorded.isPresent()) {
        requireSameInput(recorded.get(), wanted);
        resumed = recorded.get().withTables(wanted.tables());
      }
      resumed.writeTo(settings.output());
      return new Start(Kind.RESUMED, resumed, checkpoint.get());
    }
    if (OutputTable.hasCommittedFiles(new Path(settings.output(), TableNames.SOURCE_FILES))) {
      if (recorded.isPresent() && !recorded.get().readsTheSameAs(wanted)) {
        throw mixing(recorded.get(), wanted);
      }
      return new Start(Kind.ALREADY_FINISHED, recorded.orElse(null), null);
    }
    wanted.writeTo(settings.output());
    return new Start(Kind.FRESH, wanted, null);
  }

  private static void requireSameInput(RunManifest recorded, RunManifest wanted) {
    if (!recorded.input().equals(wanted.input())
        || !recorded.window().equals(wanted.window())
        || !Objects.equals(recorded.startDate(), wanted.startDate())) {
      throw mixing(recorded, wanted);
    }
  }

  private static InvalidSettingException mixing(RunManifest recorded, RunManifest wanted) {
    return new InvalidSettingException(
        String.format(
            "the output holds the tables of a run with %s; a run with %s would mix with them:"
                + " use a new --output (and --checkpoint-dir)",
            recorded.describe(), wanted.describe()));
  }
}
