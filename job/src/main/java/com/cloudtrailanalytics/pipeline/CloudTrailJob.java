package com.cloudtrailanalytics.pipeline;

import com.cloudtrailanalytics.config.JobSettings;
import com.cloudtrailanalytics.source.TrailSource;
import com.cloudtrailanalytics.source.discovery.TrailDiscovery;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.config.TableConfigOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the job from configuration into an execution environment, ready to run. */
public final class CloudTrailJob {

  public static final String NAME = "cloudtrail-analytics";
  static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(CloudTrailJob.class);

  private final JobSettings settings;
  private final StreamExecutionEnvironment env;

  private CloudTrailJob(JobSettings settings, StreamExecutionEnvironment env) {
    this.settings = settings;
    this.env = env;
  }

  /**
   * Reads and checks the settings, then builds the job. Outside a cluster this creates an embedded
   * one; inside one (application mode, tests) it uses the cluster.
   */
  public static CloudTrailJob create(Configuration config) {
    return create(config, TrailSource::layoutDiscovery);
  }

  /** The job, listing the trail's files with the given discovery (tests shuffle the listing). */
  public static CloudTrailJob create(
      Configuration config, Function<JobSettings, TrailDiscovery> discovery) {
    return create(config, discovery, StreamExecutionEnvironment::getExecutionEnvironment);
  }

  /**
   * The job in an environment that {@code environment} makes from the job's configuration: a {@code
   * java -jar} run's embedded cluster, started while the job is planned.
   */
  public static CloudTrailJob createIn(
      Function<Configuration, StreamExecutionEnvironment> environment, Configuration config) {
    return create(config, TrailSource::layoutDiscovery, environment);
  }

  private static CloudTrailJob create(
      Configuration config,
      Function<JobSettings, TrailDiscovery> discovery,
      Function<Configuration, StreamExecutionEnvironment> environment) {
    JobSettings settings = JobSettings.from(config);
    Configuration effective = withJobDefaults(config, settings);
    LOG.info("Settings: {}", settings);
    StreamExecutionEnvironment env = environment.apply(effective);
    StreamTableEnvironment tables = StreamTableEnvironment.create(env);
    tables.getConfig().setLocalTimeZone(ZoneOffset.UTC);
    TrailSource source = TrailSource.of(settings, discovery.apply(settings));
    new CloudTrailPipeline(settings, source).build(env, tables);
    return new CloudTrailJob(settings, env);
  }

  /** The job's operators and the serializers between them, as the job would be submitted. */
  StreamGraph graph() {
    return env.getStreamGraph(false);
  }

  public JobSettings settings() {
    return settings;
  }

  /** Runs the job and returns when it ends: never, unless the input is bounded. */
  public JobExecutionResult run() throws Exception {
    return env.execute(NAME);
  }

  public JobClient start() throws Exception {
    return env.executeAsync(NAME);
  }

  /** What the job needs whatever the deployment, unless set explicitly. */
  static Configuration withJobDefaults(Configuration config, JobSettings settings) {
    Configuration effective = new Configuration(config);
    effective.set(PipelineOptions.OBJECT_REUSE, true);
    effective.set(TableConfigOptions.LOCAL_TIME_ZONE, "UTC");
    effective.set(
        CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    if (!effective.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL)) {
      effective.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, DEFAULT_CHECKPOINT_INTERVAL);
    }
    effective.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDirectory(config, settings));
    if (!effective.contains(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION)) {
      effective.set(
          CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
          ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    }
    return effective;
  }

  /**
   * The checkpoint directory: as configured (a plain folder made an absolute {@code file:} URI,
   * which checkpoint storage requires), else {@code <output>/_checkpoints}.
   */
  public static String checkpointDirectory(Configuration config, JobSettings settings) {
    return JobSettings.checkpointLocation(
        config
            .getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)
            .filter(directory -> !directory.isBlank())
            .orElse(settings.output().replaceAll("/$", "") + "/_checkpoints"));
  }
}
