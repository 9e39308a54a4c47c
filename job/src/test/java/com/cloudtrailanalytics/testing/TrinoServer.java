package com.cloudtrailanalytics.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Trino server (the release in the pom, unpacked by the build) as its own process, with one
 * Hive catalog, {@code awsdatacatalog} as in Athena, over a local folder: {@code local:///x} is
 * {@code <folder>/x}. Trino needs Java 22 or later, which {@link #java()} finds.
 */
public final class TrinoServer implements AutoCloseable {

  public static final String CATALOG = "awsdatacatalog";

  private final Process process;
  private final int port;
  private final Path log;
  private Duration startTime;

  private TrinoServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * A Java home of version 22 or later: {@code -Dtrino.java.home} (the build passes {@code
   * TRINO_JAVA_HOME}), else the newest such JDK under /usr/lib/jvm.
   */
  public static Optional<Path> java() throws IOException {
    String configured = System.getProperty("trino.java.home", "");
    if (!configured.isBlank() && !configured.contains("${")) {
      return Optional.of(Path.of(configured)).filter(home -> version(home) >= 22);
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(home -> version(home) >= 22)
          .max((a, b) -> Integer.compare(version(a), version(b)));
    }
  }

  /** The feature version in a JDK's {@code release} file, or 0. */
  private static int version(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring(line.indexOf('"') + 1).split("[.\"]")[0];
          return Files.isExecutable(home.resolve("bin/java")) ? Integer.parseInt(version) : 0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not a JDK
    }
    return 0;
  }

  /** Starts Trino with {@code java}, its catalog over {@code folder}; waits until it serves. */
  public static TrinoServer start(Path java, Path folder, Path workDir) throws Exception {
    Path home = Path.of(System.getProperty("trino.home", "target/trino-server"));
    if (!Files.isDirectory(home.resolve("lib"))) {
      throw new IllegalStateException(
          "Trino is not unpacked at " + home + "; run the integration tests with `mvn verify`");
    }
    int port = freePort();
    Path etc = Files.createDirectories(workDir.resolve("etc"));
    Files.createDirectories(etc.resolve("catalog"));
    Files.writeString(
        etc.resolve("config.properties"),
        String.join(
            "\n",
            "coordinator=true",
            "node-scheduler.include-coordinator=true",
            "http-server.http.port=" + port,
            "discovery.uri=http://127.0.0.1:" + port,
            "node.environment=test",
            "node.id=cloudtrail-analytics-test",
            "node.bind-ip=127.0.0.1",
            "node.internal-address=127.0.0.1",
            // one node on loopback: a heartbeat missed on a busy machine must not retire it
            "failure-detector.enabled=false",
            "catalog.config-dir=" + etc.resolve("catalog"),
            "plugin.dir=" + home.resolve("plugin"),
            ""));
    Files.writeString(
        etc.resolve("catalog").resolve(CATALOG + ".properties"),
        String.join(
            "\n",
            "connector.name=hive",
            "hive.metastore=file",
            "hive.metastore.catalog.dir=local:///_trino-metastore",
            "fs.native-local.enabled=true",
            "local.location=" + folder.toAbsolutePath(),
            // Athena skips projected partitions that hold no files; so does this.
            "hive.ignore-absent-partitions=true",
            // INT96 timestamps are UTC, as Athena reads them
            "hive.parquet.time-zone=UTC",
            ""));
    Files.writeString(etc.resolve("log.properties"), "io.trino=WARN\n");
    List<String> command = new ArrayList<>();
    command.add(java.resolve("bin/java").toString());
    command.addAll(
        List.of(
            "-Xmx1G",
            "-XX:+UseG1GC",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djdk.attach.allowAttachSelf=true",
            "--enable-native-access=ALL-UNNAMED",
            "-Duser.timezone=UTC",
            "-Dfile.encoding=UTF-8",
            "-Dconfig=" + etc.resolve("config.properties"),
            "-Dlog.levels-file=" + etc.resolve("log.properties"),
            "-Dlog.path=" + workDir.resolve("server.log"),
            "-cp",
            home.resolve("lib") + "/*",
            "io.trino.server.TrinoServer"));
    Path log = workDir.resolve("stdout.log");
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    TrinoServer server = new TrinoServer(process, port, log);
    try {
      server.awaitStarted(Duration.ofMinutes(3));
    } catch (Exception e) {
      server.close();
      throw e;
    }
    server.startTime = Duration.ofNanos(System.nanoTime() - started);
    return server;
  }

  private void awaitStarted(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest info =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/info")).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Trino ended at start:\n" + tail());
      }
      try {
        HttpResponse<String> response = http.send(info, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"starting\":false")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Trino did not start within " + timeout + ":\n" + tail());
  }

  /** A JDBC connection to the catalog and schema. */
  public Connection connect(String schema) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:trino://127.0.0.1:" + port + "/" + CATALOG + "/" + schema, "test", null);
  }

  /** A JDBC connection with no catalog or schema, as Grafana's Trino plugin connects. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:trino://127.0.0.1:" + port, "test", null);
  }

  /** From process start to serving queries. */
  public Duration startTime() {
    return startTime;
  }

  /** The server's resident memory, in MB, from /proc (-1 where there is none). */
  public long residentMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or gone
    }
    return -1;
  }

  /** The end of the server's log, for failure messages. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "<no log: " + e + ">";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }
}
