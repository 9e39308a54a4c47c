package com.cloudtrailanalytics.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The packaged job jar run as its own process, as a user runs it: {@code java -jar ...}. */
public final class JobProcess implements AutoCloseable {

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private JobProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Starts {@code java -jar cloudtrail-analytics.jar args...} in {@code workDir}. */
  public static JobProcess start(Path workDir, String... args) throws IOException {
    return start(workDir, new ProcessBuilder(javaJar(args)));
  }

  /**
   * Starts the jar as a user at a terminal does: in a pseudo-terminal made by util-linux's {@code
   * script}, whose output (stdout and stderr together, as the terminal shows them) becomes {@link
   * #stdout()}.
   */
  public static JobProcess startOnTerminal(Path workDir, String... args) throws IOException {
    String command =
        javaJar(args).stream()
            .map(word -> "'" + word.replace("'", "'\\''") + "'")
            .collect(Collectors.joining(" "));
    ProcessBuilder builder =
        new ProcessBuilder(
                "script", "--quiet", "--flush", "--return", "--command", command, "/dev/null")
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("TERM", "xterm");
    return start(workDir, builder);
  }

  /** Whether util-linux's {@code script} is here (Debian's bsdutils; macOS has another). */
  public static boolean canStartOnTerminal() {
    try {
      Process version = new ProcessBuilder("script", "--version").redirectErrorStream(true).start();
      String printed = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return version.waitFor() == 0 && printed.contains("util-linux");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<String> javaJar(String... args) {
    String jar = System.getProperty("job.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException(
          "The job jar is not built; run the integration tests with `mvn verify`");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    return command;
  }

  private static JobProcess start(Path workDir, ProcessBuilder builder) throws IOException {
    Files.createDirectories(workDir);
    Path stdout = Files.createTempFile(workDir, "stdout", ".txt");
    Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
    Process process =
        builder
            .directory(workDir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    return new JobProcess(process, stdout, stderr);
  }

  /** Waits for the process to end; returns its exit code. */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the job did not end within " + timeout + "; stderr:\n" + stderr());
    }
    return process.exitValue();
  }

  /** Ends the process with SIGKILL: no shutdown hook runs, nothing is cleaned up. */
  public void killNine() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public String stdout() {
    return read(stdout);
  }

  public String stderr() {
    return read(stderr);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "<unreadable: " + e + ">";
    }
  }
}
