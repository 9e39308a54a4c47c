package com.cloudtrailanalytics.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.cli.Cli;
import com.cloudtrailanalytics.run.FileSystemSetup;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.testing.GroundTruth;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.S3Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole buckets as locations, written either way ({@code s3://bucket/} and {@code s3://bucket}), as
 * the docker-compose demo passes them; and an input that cannot be read, for any reason, is one
 * line and exit code 2.
 */
class BucketRootITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  @TempDir Path dir;
  private S3Server s3;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void startS3() throws Exception {
    s3 = S3Server.start(dir.resolve("s3"));
    FileSystemSetup.initialize(s3.clientConfig());
  }

  @AfterEach
  void stopS3() throws Exception {
    s3.close();
  }

  @Test
  void readsAndWritesAtTheRootsOfBucketsWithCheckpointsBesideTheTables() throws Exception {
    Path local = dir.resolve("local-trail");
    new SyntheticTrail(
            new SyntheticTrail.Settings(
                1, 2, 1, 2_000, 5, Instant.parse("2024-03-01T06:00:00Z"), null))
        .writeTo(local);
    s3.bucket("trail");
    s3.upload(local, "trail");
    Path results = s3.bucket("results");

    int exitCode =
        run(
            "--input",
            "s3://trail",
            "--output",
            "s3://results/",
            "--checkpoint-interval",
            "2s",
            "--parallelism",
            "2",
            "--tables",
            "user_activity",
            "--bounded");

    assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Reading s3://trail/ ...", "Output:  s3://results/");
    try (OutputTables tables = new OutputTables(results)) {
      assertThat(tables.userActivityCounts())
          .containsExactlyElementsOf(
              GroundTruth.of(local, Duration.ofMinutes(5)).userActivityCounts());
    }
    assertThat(keys(results)).allSatisfy(key -> assertThat(key).doesNotContain("//"));
    assertThat(keys(results)).anySatisfy(key -> assertThat(key).startsWith("user_activity/dt="));
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3://checkpoints", "s3://checkpoints/"})
  void aCheckpointDirectoryAtABucketRootIsRefusedWithTheFix(String root) throws Exception {
    s3.bucket("trail");
    assertThat(run("--input", "s3://trail/", "--output", "s3://results/", "--checkpoint-dir", root))
        .isEqualTo(2);
    assertThat(errorLines())
        .containsExactly(
            "cloudtrail-analytics: --checkpoint-dir (execution.checkpointing.dir) is"
                + " s3://checkpoints/, the root of a bucket, where Flink keeps no checkpoints;"
                + " use a folder in it, e.g. s3://checkpoints/checkpoints");
  }

  @Test
  void aBucketThatDoesNotExistIsOneLineAndExitCodeTwo() {
    assertThat(run("--input", "s3://no-such-bucket/", "--output", "s3://results/")).isEqualTo(2);
    assertThat(errorLines()).hasSize(1);
    assertThat(errorLines().get(0))
        .startsWith("cloudtrail-analytics: --input s3://no-such-bucket/");
  }

  @Test
  void anUnreachableEndpointIsOneLineAndExitCodeTwo() throws Exception {
    Configuration unreachable = S3Server.clientConfig("http://127.0.0.1:1");
    unreachable.setString("s3.attempts.maximum", "1");
    unreachable.setString("s3.retry.limit", "1");
    FileSystemSetup.initialize(unreachable);
    try {
      assertThat(run("--input", "s3://trail", "--output", "s3://results/")).isEqualTo(2);
      assertThat(errorLines()).hasSize(1);
      assertThat(errorLines().get(0))
          .startsWith("cloudtrail-analytics: --input s3://trail/ cannot be read: ");
    } finally {
      FileSystemSetup.initialize(s3.clientConfig());
    }
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--s3-endpoint",
            s3.endpoint(),
            "--s3-path-style",
            "--s3-region",
            "us-east-1",
            "-Ds3.aws.credentials.provider=org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider"));
    return new Cli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(all.toArray(String[]::new));
  }

  private List<String> errorLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** The object keys under a bucket's folder. */
  private static List<String> keys(Path bucket) throws Exception {
    try (Stream<Path> files = Files.walk(bucket)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> bucket.relativize(file).toString())
          .toList();
    }
  }
}
