package com.cloudtrailanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.sample.SyntheticTrail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a finished bounded run leaves, run through the command line as {@code java -jar} runs it (on
 * its own embedded cluster): no checkpoint, and an output that a long-lived job refuses.
 */
class FinishedRunITCase {

  @TempDir static Path dir;
  private static Path output;
  private static int exitCode;
  private static String stdout;
  private static List<Path> checkpointsSeenWhileRunning;

  @BeforeAll
  static void runABoundedJobToTheEnd() throws Exception {
    Path bucket = dir.resolve("bucket");
    new SyntheticTrail(
            new SyntheticTrail.Settings(
                1, 2, 3, 30_000, 5, Instant.parse("2024-03-01T10:00:00Z"), null))
        .writeTo(bucket);
    output = dir.resolve("output");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(
            () ->
                new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                    .run(
                        "--input",
                        bucket.toString(),
                        "--output",
                        output.toString(),
                        "--bounded",
                        "--checkpoint-interval",
                        "1s"));
    List<Path> seen = List.of();
    while (!run.isDone()) {
      if (seen.isEmpty()) {
        seen = completeCheckpoints(output.resolve("_checkpoints"));
      }
      Thread.sleep(20);
    }
    checkpointsSeenWhileRunning = seen;
    exitCode = run.get(5, TimeUnit.MINUTES);
    stdout = out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aFinishedBoundedRunDeletesItsCheckpoints() throws Exception {
    assertThat(exitCode).as(stdout).isZero();
    assertThat(checkpointsSeenWhileRunning)
        .as("complete checkpoints under <output>/_checkpoints while the job ran")
        .isNotEmpty();
    assertThat(output.resolve("_checkpoints"))
        .as("the checkpoints, and the folders that held them, are gone")
        .doesNotExist();
  }

  @Test
  void aLongLivedJobRefusesTheOutputOfAFinishedRun() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        CompletableFuture.supplyAsync(
                () ->
                    new Cli(
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8))
                        .run(
                            "--input",
                            dir.resolve("bucket").toString(),
                            "--output",
                            output.toString()))
            .get(2, TimeUnit.MINUTES);

    assertThat(code).isEqualTo(Cli.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "cloudtrail-analytics: --output "
                + output.toUri().toString().replaceAll("/$", "")
                + " already holds the tables of a finished run, which a new run would count"
                + " again; use a new --output (and --checkpoint-dir)");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  /** The {@code <job>/chk-<n>} folders under a checkpoint directory that hold a _metadata file. */
  private static List<Path> completeCheckpoints(Path checkpoints) throws IOException {
    if (!Files.isDirectory(checkpoints)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(checkpoints, 3)) {
      return files
          .filter(file -> file.getFileName().toString().equals("_metadata"))
          .map(Path::getParent)
          .filter(folder -> folder.getFileName().toString().matches("chk-\\d+"))
          .toList();
    } catch (IOException | RuntimeException e) {
      return List.of(); // a checkpoint was deleted while the folder was walked
    }
  }
}
