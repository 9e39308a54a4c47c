package com.cloudtrailanalytics.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real headless Chromium as its own process, driven over the DevTools protocol, in which tests
 * open local HTML files as {@link ChromiumPage}s. Its output goes to a log file for diagnosis, and
 * its profile is a temporary folder removed on close.
 */
public final class HeadlessChromium implements AutoCloseable {

  /** Debian's package. */
  private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

  /**
   * Headless, as root in a container, and quiet on the network: without the last four, Chromium
   * keeps reaching for Google's services, which a closed network refuses.
   */
  private static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--remote-debugging-port=0",
          "--disable-quic",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  private final Process process;
  private final Path profile;
  private final Path log;
  private DevToolsConnection devTools;

  private HeadlessChromium(Process process, Path profile, Path log) {
    this.process = process;
    this.profile = profile;
    this.log = log;
  }

  /** The browser: {@code CHROMIUM} from the environment, else Debian's, if it is executable. */
  public static Optional<Path> executable() {
    String configured = System.getenv().getOrDefault("CHROMIUM", "");
    Path browser = configured.isBlank() ? DEBIAN_CHROMIUM : Path.of(configured);
    return Optional.of(browser).filter(Files::isExecutable);
  }

  /** Starts the browser, writing its output to {@code log}; returns once DevTools is connected. */
  public static HeadlessChromium start(Path executable, Path log)
      throws IOException, InterruptedException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    Path profile = Files.createTempDirectory("chromium-profile");
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HeadlessChromium chromium = new HeadlessChromium(process, profile, log);
    try {
      chromium.devTools = new DevToolsConnection(chromium.awaitDevToolsAddress());
    } catch (IOException | InterruptedException | RuntimeException e) {
      chromium.close();
      throw e;
    }
    return chromium;
  }

  /** The browser's WebSocket address, which it writes to its profile once it listens. */
  private URI awaitDevToolsAddress() throws IOException, InterruptedException {
    Path activePort = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + DevToolsConnection.TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Chromium ended at start with " + process.exitValue() + ":\n" + tail());
      }
      // the port, then the browser's path; the file may be caught half written
      List<String> lines = Files.exists(activePort) ? Files.readAllLines(activePort) : List.of();
      if (lines.size() >= 2 && lines.get(1).startsWith("/devtools/browser/")) {
        return URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "Chromium wrote no "
            + activePort
            + " within "
            + DevToolsConnection.TIMEOUT
            + ":\n"
            + tail());
  }

  /**
   * Opens {@code file} in a new tab and returns once it has loaded and the JavaScript expression
   * {@code settledWhen} is true (for instance that a script has drawn a chart).
   */
  public ChromiumPage open(Path file, String settledWhen) throws InterruptedException {
    return ChromiumPage.open(devTools, file, settledWhen);
  }

  /** The end of the browser's output, for failure messages. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "<no log: " + e + ">";
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    // the renderers and helpers, which must not outlive the browser should it be killed
    List<ProcessHandle> helpers = process.descendants().toList();
    try {
      if (devTools != null) {
        devTools.call(DevToolsConnection.BROWSER, "Browser.close", Map.of());
      }
    } catch (IllegalStateException e) {
      // the browser may hang up before it answers; whether it ends is checked below
    } finally {
      if (devTools != null) {
        devTools.close();
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      deleteRecursively(profile);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
