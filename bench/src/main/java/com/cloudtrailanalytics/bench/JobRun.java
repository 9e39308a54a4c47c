package com.cloudtrailanalytics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's jar run as its own process, with its wall time, its CPU time (user and system, all
 * threads; as last read, at most 100 ms before it ended) and its peak resident memory.
 */
record JobRun(double seconds, double cpuSeconds, long peakRssBytes, String summary) {

  static JobRun of(Path jar, String heap, Path trail, Path output, String tables)
      throws IOException, InterruptedException {
    return of(jar, heap, trail, output, tables, List.of());
  }

  /** A run with more flags, e.g. {@code --geoip-db <file>}. */
  static JobRun of(
      Path jar, String heap, Path trail, Path output, String tables, List<String> flags)
      throws IOException, InterruptedException {
    return of(List.of(), jar, heap, trail, output, tables, flags);
  }

  /** A run with more options for the JVM, e.g. {@code -XX:SharedArchiveFile=<file>}. */
  static JobRun of(
      List<String> jvmOptions,
      Path jar,
      String heap,
      Path trail,
      Path output,
      String tables,
      List<String> flags)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--input",
            trail.toString(),
            "--output",
            output.toString(),
            "--bounded",
            "--tables",
            tables));
    command.addAll(flags);
    Path log = Files.createTempFile("job-run", ".log");
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long peak = 0;
    Duration cpu = Duration.ZERO;
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    while (process.isAlive()) {
      peak = Math.max(peak, highWaterMark(status));
      cpu = process.info().totalCpuDuration().orElse(cpu);
      Thread.sleep(100);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String printed = Files.readString(log);
    Files.delete(log);
    if (process.exitValue() != 0) {
      throw new IllegalStateException("the job failed:\n" + printed);
    }
    return new JobRun(seconds, cpu.toMillis() / 1e3, peak, printed);
  }

  /** VmHWM, the process's peak resident set, in bytes; 0 where /proc cannot tell. */
  private static long highWaterMark(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between isAlive and the read
    }
    return 0;
  }
}
