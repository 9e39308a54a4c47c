package com.cloudtrailanalytics.cli;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.config.JobSettings;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.pipeline.SqlScripts;
import com.cloudtrailanalytics.run.Checkpoints;
import com.cloudtrailanalytics.run.EmbeddedCluster;
import com.cloudtrailanalytics.run.FileSystemSetup;
import com.cloudtrailanalytics.run.PrestartedCluster;
import com.cloudtrailanalytics.run.Resumption;
import com.cloudtrailanalytics.run.RunManifest;
import com.cloudtrailanalytics.run.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;

/** Runs the job: forever, watching the input, or once over the files present with --bounded. */
final class RunCommand {

  /** How to reach an S3-compatible store: every command that reads or writes S3 takes them. */
  static final List<Flag> S3_FLAGS =
      List.of(
          Flag.of(
              "s3-endpoint",
              JobOptions.S3_ENDPOINT,
              "<url>",
              "The S3 endpoint, for S3-compatible stores such as MinIO; http:// turns TLS off.",
              null),
          Flag.of(
              "s3-path-style",
              JobOptions.S3_PATH_STYLE,
              null,
              "Address buckets as <endpoint>/<bucket> (MinIO and most S3-compatible stores).",
              null),
          Flag.of(
              "s3-region",
              JobOptions.S3_REGION,
              "<region>",
              "The region of the S3 endpoint.",
              null));

  static final List<Flag> FLAGS =
      Flag.join(
          List.of(
              Flag.of(JobOptions.INPUT, "<dir | s3://bucket/prefix>"),
              Flag.of(JobOptions.OUTPUT, "<dir | s3://bucket/prefix>"),
              Flag.of(JobOptions.WINDOW, "<duration>"),
              Flag.of(JobOptions.BOUNDED, null),
              Flag.of(JobOptions.MONITOR_INTERVAL, "<duration>"),
              Flag.of(JobOptions.PROGRESS_INTERVAL, "<duration>"),
              Flag.of(JobOptions.MAX_DELAY, "<duration>"),
              Flag.of(JobOptions.MAX_RECORD_SIZE, "<size>"),
              Flag.of(JobOptions.READ_ATTEMPTS, "<n>"),
              Flag.of(JobOptions.READ_RETRY_DELAY, "<duration>"),
              Flag.of(JobOptions.START_DATE, "<YYYY-MM-DD>"),
              Flag.of(JobOptions.LOOKBACK, "<duration>"),
              Flag.of(JobOptions.STRUCTURE_INTERVAL, "<duration>"),
              Flag.of(JobOptions.TABLES, "<table,table,...>"),
              Flag.of(JobOptions.GEOIP_DB, "<file.mmdb | s3://...>"),
              Flag.of(JobOptions.ASN_DB, "<file.mmdb | s3://...>"),
              Flag.repeatable(JobOptions.RULES, "<dir | s3://...>"),
              Flag.of(JobOptions.NO_DEFAULT_RULES, null),
              Flag.of(JobOptions.NEW_COUNTRY_WINDOW, "<duration>"),
              Flag.of(JobOptions.TRAVEL_MAX_SPEED, "<km/h>"),
              Flag.of(JobOptions.TRAVEL_MIN_DISTANCE, "<km>"),
              Flag.of(JobOptions.BRUTE_FORCE_COUNT, "<n>"),
              Flag.of(JobOptions.BRUTE_FORCE_WINDOW, "<duration>"),
              Flag.of(JobOptions.SPRAYING_COUNT, "<n>"),
              Flag.of(JobOptions.SPRAYING_WINDOW, "<duration>"),
              Flag.of(JobOptions.ACCESS_DENIED_COUNT, "<n>"),
              Flag.of(JobOptions.ACCESS_DENIED_WINDOW, "<duration>"),
              Flag.of(JobOptions.INSTANCE_CREDENTIALS_REPEAT, "<duration>"),
              Flag.of(JobOptions.ALERT_WEBHOOK, "<url>"),
              Flag.of(JobOptions.ALERT_MIN_SEVERITY, "<severity>"),
              Flag.of(
                  "checkpoint-dir",
                  CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                  "<dir | s3://bucket/prefix>",
                  "Where checkpoints are kept.",
                  "<output>/_checkpoints"),
              Flag.of(
                  "checkpoint-interval",
                  CheckpointingOptions.CHECKPOINTING_INTERVAL,
                  "<duration>",
                  "How often state is checkpointed; Parquet files become visible at each checkpoint,"
                      + " one per table and hour partition.",
                  "10 min"),
              Flag.of(
                  "parallelism",
                  CoreOptions.DEFAULT_PARALLELISM,
                  "<n>",
                  "How many files are read, and windows computed, in parallel.",
                  "every core (embedded); the cluster's default")),
          S3_FLAGS);

  private RunCommand() {}

  static int run(Configuration given, PrintStream out) throws Exception {
    boolean embedded = Cli.ownsProcess();
    Configuration config = embedded ? EmbeddedCluster.withMemoryDefaults(given) : given;
    JobSettings settings = JobSettings.from(config);
    if (embedded) {
      FileSystemSetup.initialize(config);
    }
    InputCheck.requireReadable(settings.input());
    long started = System.nanoTime();
    RunManifest manifest = null;
    String resumedFrom = null;
    if (embedded) {
      Resumption.Start start = Resumption.prepare(config, settings);
      manifest = start.manifest();
      if (start.kind() == Resumption.Kind.RESUMED) {
        start.applyTo(config);
        resumedFrom = start.checkpoint();
        out.printf("Resuming from %s%n", start.checkpoint());
      } else if (start.kind() == Resumption.Kind.ALREADY_FINISHED) {
        if (!settings.bounded()) {
          throw new UsageException(
              "--output "
                  + settings.output()
                  + " already holds the tables of a finished run, which a new run would count"
                  + " again; use a new --output (and --checkpoint-dir)");
        }
        out.println("This run has already finished; the output holds its tables.");
        return summarize(settings, manifest, out, started);
      }
    }
    JobExecutionResult result;
    if (embedded) {
      try (PrestartedCluster cluster = PrestartedCluster.start(config)) {
        result = run(CloudTrailJob.createIn(cluster::environment, config), settings, out);
      }
    } else {
      result = run(CloudTrailJob.create(config), settings, out);
    }
    if (!settings.bounded()) {
      return 0;
    }
    List<String> jobs = new ArrayList<>(List.of(result.getJobID().toHexString()));
    if (resumedFrom != null) {
      Checkpoints.jobOf(resumedFrom).ifPresent(jobs::add);
    }
    Checkpoints.deleteFinished(CloudTrailJob.checkpointDirectory(config, settings), jobs);
    return summarize(settings, manifest, out, started);
  }

  private static JobExecutionResult run(CloudTrailJob job, JobSettings settings, PrintStream out)
      throws Exception {
    if (settings.bounded()) {
      out.printf("Reading %s ...%n", settings.input());
    } else {
      out.printf("Watching %s; writing tables to %s.%n", settings.input(), settings.output());
    }
    return job.run();
  }

  /**
   * Prints what the output holds and whether it adds up; with the run's manifest (embedded runs),
   * the input is listed again to check that every file was read.
   */
  private static int summarize(
      JobSettings settings, RunManifest manifest, PrintStream out, long started)
      throws IOException {
    RunSummary summary = RunSummary.read(settings.output(), tableNames(settings), manifest);
    out.print(summary.format(Duration.ofNanos(System.nanoTime() - started)));
    return summary.reconciles() ? Cli.OK : Cli.FAILED;
  }

  private static List<String> tableNames(JobSettings settings) {
    return SqlScripts.forTables(settings.tables()).stream()
        .flatMap(script -> script.table().stream())
        .toList();
  }
}
