package com.cloudtrailanalytics.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone Flink cluster of separate processes, started as Flink's own scripts start them, from
 * the distribution that the flink-dist module assembles (lib/, plugins/) and its shared
 * configuration (flink-dist/conf/), running the cluster jar in application mode.
 */
final class FlinkCluster implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";

  private static final Path HOME =
      Path.of(System.getProperty("flink.home", "../flink-dist/target/flink"));
  private static final Path SHARED_CONF =
      Path.of(System.getProperty("flink.conf", "../flink-dist/conf"));
  private static final Path JAR =
      Path.of(System.getProperty("cluster.jar", "target/cloudtrail-analytics.jar"));

  private final Path home = HOME;
  private final Path workDir;
  private final Path conf;
  private final int restPort;
  private final Map<String, String> env;
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Map<String, List<String>> resources = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newHttpClient();

  /** A cluster whose configuration is the shared one plus {@code settings}. */
  FlinkCluster(Path workDir, Map<String, String> settings, Map<String, String> env)
      throws IOException {
    this.workDir = workDir;
    this.env = env;
    this.conf = Files.createDirectories(workDir.resolve("conf"));
    StringBuilder config = new StringBuilder(Files.readString(SHARED_CONF.resolve("config.yaml")));
    config.append("\n# this run\n");
    settings.forEach((key, value) -> config.append(key).append(": ").append(value).append('\n'));
    Files.writeString(conf.resolve("config.yaml"), config);
    Files.copy(SHARED_CONF.resolve("log4j.properties"), conf.resolve("log4j.properties"));
    this.restPort = Integer.parseInt(settings.get("rest.port"));
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Whether the build assembled the distribution and the cluster jar. */
  static boolean isAssembled() {
    return Files.exists(JAR) && Files.isDirectory(HOME.resolve("lib"));
  }

  /**
   * The JobManager in application mode: it runs the job jar's main with {@code args} (restored from
   * {@code savepoint} unless null) and exits when the job ends.
   */
  Process startJobManager(String name, String savepoint, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(jvm(name, "GET_JM_RESOURCE_PARAMS", "jobmanager"));
    command.add("org.apache.flink.container.entrypoint.StandaloneApplicationClusterEntryPoint");
    command.addAll(List.of("--configDir", conf.toString()));
    command.addAll(dynamicProperties("GET_JM_RESOURCE_PARAMS"));
    command.addAll(List.of("--jars", JAR.toAbsolutePath().toString()));
    command.addAll(List.of("--job-classname", "com.cloudtrailanalytics.CloudTrailAnalytics"));
    if (savepoint != null) {
      command.addAll(List.of("--fromSavepoint", savepoint));
    }
    command.addAll(args);
    return start(name, command);
  }

  /** A TaskManager, with its Prometheus reporter on {@code metricsPort}. */
  Process startTaskManager(String name, int metricsPort) throws Exception {
    List<String> command = new ArrayList<>(jvm(name, "GET_TM_RESOURCE_PARAMS", "taskmanager"));
    command.add("org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
    command.addAll(List.of("--configDir", conf.toString()));
    command.addAll(dynamicProperties("GET_TM_RESOURCE_PARAMS"));
    command.addAll(List.of("-D", "metrics.reporter.prom.port=" + metricsPort));
    return start(name, command);
  }

  private Process start(String name, List<String> command) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve(name + ".out").toFile());
    builder.environment().putAll(env);
    builder.environment().put("FLINK_HOME", home.toString());
    builder.environment().put("FLINK_CONF_DIR", conf.toString());
    builder.environment().put("FLINK_PLUGINS_DIR", home.resolve("plugins").toString());
    Process process = builder.start();
    processes.put(name, process);
    return process;
  }

  /**
   * java, the memory flags Flink computes from the configuration, the JVM options of every process
   * and of this kind of process ({@code jobmanager}, {@code taskmanager}), classpath.
   */
  private List<String> jvm(String name, String kind, String process) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(split(bashJavaUtils(kind).get(0)));
    command.addAll(split(javaOptions("all")));
    command.addAll(split(javaOptions(process)));
    command.add("-Dlog.file=" + workDir.resolve(name + ".log"));
    command.add("-Dlog4j.configurationFile=file:" + conf.resolve("log4j.properties"));
    command.addAll(List.of("-cp", home.resolve("lib") + "/*"));
    return command;
  }

  private List<String> dynamicProperties(String kind) throws Exception {
    return split(bashJavaUtils(kind).get(1));
  }

  /**
   * What bin/jobmanager.sh and bin/taskmanager.sh ask Flink for: JVM flags, then -D settings; once
   * per kind of process, as the configuration does not change.
   */
  private List<String> bashJavaUtils(String kind) throws Exception {
    List<String> known = resources.get(kind);
    if (known != null) {
      return known;
    }
    Process process =
        new ProcessBuilder(
                java(),
                "-cp",
                home.resolve("lib") + "/*",
                "org.apache.flink.runtime.util.bash.BashJavaUtils",
                kind,
                "--configDir",
                conf.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    List<String> results =
        output
            .lines()
            .filter(line -> line.startsWith(RESULT))
            .map(line -> line.substring(RESULT.length()))
            .toList();
    if (results.size() < 2) {
      throw new IllegalStateException("BashJavaUtils " + kind + " failed:\n" + output);
    }
    resources.put(kind, results.subList(results.size() - 2, results.size()));
    return resources.get(kind);
  }

  /** The configuration's {@code env.java.opts.<process>}, as Flink's start scripts add them. */
  private String javaOptions(String process) throws IOException {
    String key = "env.java.opts." + process + ":";
    return Files.readAllLines(conf.resolve("config.yaml")).stream()
        .filter(line -> line.startsWith(key))
        .map(line -> line.substring(key.length()).strip())
        .findFirst()
        .orElse("");
  }

  private static List<String> split(String arguments) {
    return Arrays.stream(arguments.strip().split("\\s+")).filter(a -> !a.isEmpty()).toList();
  }

  /** A GET on the REST API, or null while it does not answer. */
  JsonNode get(String path) throws InterruptedException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  JsonNode post(String path, Map<String, Object> body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + restPort + path);
  }

  /** The one job, once it and every one of its tasks are RUNNING; its id. */
  String awaitRunning(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String job = runningJob();
      if (job != null) {
        return job;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "no job RUNNING within " + timeout + "; the processes' logs are in " + keptLogs());
  }

  /** Copies the processes' logs where they outlive the test's temporary folder. */
  private Path keptLogs() throws IOException {
    Path kept = Files.createDirectories(Path.of("target", "cluster-logs"));
    try (Stream<Path> files = Files.list(workDir)) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.(log|out)$")).toList()) {
        Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return kept.toAbsolutePath();
  }

  /** The id of the job whose every task is RUNNING, or null. */
  String runningJob() throws InterruptedException {
    JsonNode jobs = get("/jobs/overview");
    if (jobs != null) {
      for (JsonNode job : jobs.path("jobs")) {
        JsonNode tasks = job.path("tasks");
        if ("RUNNING".equals(job.path("state").asText())
            && tasks.path("total").asInt() > 0
            && tasks.path("running").asInt() == tasks.path("total").asInt()) {
          return job.path("jid").asText();
        }
      }
    }
    return null;
  }

  /** Every registered TaskManager's free slots, by id. */
  Map<String, Integer> freeSlots() throws InterruptedException {
    Map<String, Integer> free = new LinkedHashMap<>();
    JsonNode managers = get("/taskmanagers");
    if (managers != null) {
      for (JsonNode manager : managers.path("taskmanagers")) {
        free.put(manager.path("id").asText(), manager.path("freeSlots").asInt());
      }
    }
    return free;
  }

  /** Stops the job with a savepoint in {@code directory}; returns the savepoint's location. */
  String stopWithSavepoint(String jobId, String directory, Duration timeout) throws Exception {
    String request =
        post(
                "/jobs/" + jobId + "/stop",
                Map.of("targetDirectory", directory, "drain", false, "formatType", "CANONICAL"))
            .path("request-id")
            .asText();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = get("/jobs/" + jobId + "/savepoints/" + request);
      if (status != null && "COMPLETED".equals(status.path("status").path("id").asText())) {
        JsonNode operation = status.path("operation");
        if (operation.has("failure-cause")) {
          throw new AssertionError("the savepoint failed: " + operation.path("failure-cause"));
        }
        return operation.path("location").asText();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no savepoint within " + timeout);
  }

  /** Resident memory of a process, in MB, from /proc. */
  static long residentMegabytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException e) {
      // gone
    }
    return -1;
  }

  /** Waits until a process's log holds {@code text}. */
  void awaitLog(String name, String text, Duration timeout) throws Exception {
    Path log = workDir.resolve(name + ".log");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        name
            + " did not log '"
            + text
            + "' within "
            + timeout
            + "; the processes' logs are in "
            + keptLogs());
  }

  /** Waits until the JobManager has ended, as it does in application mode when its job stops. */
  void awaitNoJob(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (get("/jobs/overview") == null) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the JobManager still answers " + timeout + " after its job stopped");
  }

  /** Resident memory of each live process, in MB. */
  Map<String, Long> residentMegabytes() {
    Map<String, Long> resident = new LinkedHashMap<>();
    processes.forEach(
        (name, process) -> {
          if (process.isAlive()) {
            resident.put("RSS " + name + " (MB)", residentMegabytes(process.pid()));
          }
        });
    return resident;
  }

  @Override
  public void close() throws InterruptedException {
    for (Process process : processes.values()) {
      process.destroy();
    }
    for (Process process : processes.values()) {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }
  }
}
