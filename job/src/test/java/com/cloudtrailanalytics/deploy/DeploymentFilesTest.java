package com.cloudtrailanalytics.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.CloudTrailAnalytics;
import com.cloudtrailanalytics.cli.Cli;
import com.cloudtrailanalytics.dashboards.GrafanaDashboards;
import com.cloudtrailanalytics.testing.AthenaDdl;
import com.cloudtrailanalytics.testing.TrinoDdl;
import com.cloudtrailanalytics.testing.TrinoServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container, compose, Kubernetes and IAM files against the build and against each other: no
 * Docker engine or cluster runs here, so these are read and checked as text.
 */
class DeploymentFilesTest {

  private static final Path ROOT = Path.of("..");
  private static final String FLINK_VERSION = pomProperty("flink.version");
  private static final String MAIN_CLASS = CloudTrailAnalytics.class.getName();
  private static final String JAR_IN_IMAGE = "/opt/flink/usrlib/cloudtrail-analytics.jar";
  private static final String CLUSTER_JAR = "cluster/target/cloudtrail-analytics.jar";

  @Nested
  class Image {

    private final String dockerfile = read("docker/Dockerfile");

    @Test
    void isTheOfficialFlinkImageOfThePomsVersionWithTheS3PluginAndTheJar() {
      assertThat(lastMatch("(?m)^FROM (\\S+)$", dockerfile))
          .isEqualTo("flink:" + FLINK_VERSION + "-java17");
      assertThat(dockerfile)
          .contains("ENV ENABLE_BUILT_IN_PLUGINS=flink-s3-fs-hadoop-" + FLINK_VERSION + ".jar")
          .contains("/src/" + CLUSTER_JAR + " " + JAR_IN_IMAGE)
          .contains("-pl cluster -am package");
      assertThat(read("cluster/pom.xml"))
          .contains("<outputFile>${cluster.jar}</outputFile>")
          .contains(
              "<cluster.jar>${project.build.directory}/cloudtrail-analytics.jar</cluster.jar>");
      assertThat(lastMatch("(?m)^USER (\\S+)$", dockerfile)).isEqualTo("flink");
    }

    @Test
    void copiesOnlyWhatExistsInTheRepository() {
      Matcher copy = Pattern.compile("(?m)^COPY (\\S+) ").matcher(dockerfile);
      List<String> sources = new ArrayList<>();
      while (copy.find()) {
        if (!copy.group(1).startsWith("--")) {
          sources.add(copy.group(1));
        }
      }
      assertThat(sources)
          .isNotEmpty()
          .allSatisfy(source -> assertThat(ROOT.resolve(source)).exists());
    }
  }

  @Nested
  class Compose {

    private final Map<String, String> demo = DemoSettings.read(ROOT.resolve("docker/.env"));
    private final Map<String, Object> compose =
        map(new Yaml().load(DemoSettings.interpolate(read("docker/docker-compose.yml"), demo)));
    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void runsOurMainClassInApplicationModeWithOptionsTheCliHas() {
      List<String> command = strings(service("jobmanager").get("command"));
      assertThat(command.subList(0, 3))
          .containsExactly("standalone-job", "--job-classname", MAIN_CLASS);
      assertThat(flags(command.subList(3, command.size()))).isSubsetOf(cliFlags("run"));
      assertThat(strings(service("taskmanager").get("command"))).containsExactly("taskmanager");
      assertThat(strings(service("jobmanager").get("ports")))
          .containsExactly("127.0.0.1:" + demo.get("FLINK_UI_PORT") + ":8081");
    }

    @Test
    void everyPublishedPortListensOnLoopbackOnly() {
      assertThat(demo).containsEntry("DEMO_BIND", "127.0.0.1");
      List<String> published = new ArrayList<>();
      services
          .values()
          .forEach(
              service -> published.addAll(strings(map(service).getOrDefault("ports", List.of()))));
      assertThat(published)
          .hasSize(5)
          .allSatisfy(port -> assertThat(port).matches("127\\.0\\.0\\.1:\\d+:\\d+"));
    }

    @Test
    void usesOnlySettingsThatTheEnvFileHas() {
      Matcher variable =
          Pattern.compile("(?<!\\$)\\$\\{(\\w+)}").matcher(read("docker/docker-compose.yml"));
      Set<String> used = new TreeSet<>();
      while (variable.find()) {
        used.add(variable.group(1));
      }
      assertThat(demo.keySet()).containsAll(used);
    }

    @Test
    void buildsOneImageFromTheDockerfileForTheGeneratorAndFlink() {
      Map<String, Object> build = map(service("generator").get("build"));
      assertThat(
              ROOT.resolve("docker")
                  .resolve(build.get("context").toString())
                  .resolve(build.get("dockerfile").toString())
                  .normalize())
          .isEqualTo(ROOT.resolve("docker/Dockerfile").normalize());
      Object image = service("generator").get("image");
      for (String service : List.of("jobmanager", "taskmanager")) {
        assertThat(service(service).get("image")).as(service).isEqualTo(image);
        assertThat(service(service).get("build")).as(service).isEqualTo(build);
      }
    }

    @Test
    void theGeneratorFollowsAndItsFilesAreMirroredIntoTheTrailBucket() {
      List<String> generator = strings(service("generator").get("entrypoint"));
      assertThat(generator).contains(MAIN_CLASS, "generate", "--follow");
      List<String> options = generator.subList(generator.indexOf("generate") + 1, generator.size());
      assertThat(flags(options)).isSubsetOf(cliFlags("generate"));
      String folder = options.get(options.indexOf("--output") + 1);
      String uploader = String.join(" ", strings(service("uploader").get("entrypoint")));
      assertThat(uploader)
          .contains("mc mirror --watch " + folder + " demo/" + bucket(option("--input")));
      assertThat(strings(service("generator").get("volumes")))
          .containsExactlyElementsOf(strings(service("uploader").get("volumes")));
    }

    @Test
    void everyBucketUsedIsCreatedAtStart() {
      Set<String> created = new TreeSet<>();
      Matcher bucket =
          Pattern.compile("demo/([a-z0-9-]+)")
              .matcher(String.join(" ", strings(service("buckets").get("entrypoint"))));
      while (bucket.find()) {
        created.add(bucket.group(1));
      }
      Map<String, String> flink = flinkProperties();
      assertThat(created)
          .contains(
              bucket(option("--input")),
              bucket(option("--output")),
              bucket(flink.get("execution.checkpointing.dir")),
              bucket(flink.get("execution.checkpointing.savepoint-dir")),
              bucket(trinoCatalog().getProperty("hive.metastore.catalog.dir")));
    }

    @Test
    void flinkAndTrinoTalkToTheSameS3Endpoint() {
      String endpoint = flinkProperties().get("s3.endpoint");
      assertThat(endpoint).isEqualTo(trinoCatalog().getProperty("s3.endpoint"));
      URI uri = URI.create(endpoint);
      assertThat(services).containsKey(uri.getHost());
      assertThat(strings(service(uri.getHost()).get("ports")))
          .anySatisfy(port -> assertThat(port).endsWith(":" + uri.getPort()));
      assertThat(flinkProperties()).containsEntry("s3.path.style.access", "true");
      assertThat(trinoCatalog().getProperty("s3.path-style-access")).isEqualTo("true");
    }

    /**
     * docker/trino/tables.sql is derived from sql/athena/ (see TrinoDdl); when the Athena tables
     * change, this writes the new derivation to job/target/trino-tables.sql to be copied over.
     */
    @Test
    void trinoTablesAreTheAthenaTablesAtTheJobsOutput() throws IOException {
      String output = option("--output").replaceAll("/$", "");
      String derived = TrinoDdl.script(AthenaDdl.all(ROOT.resolve("sql/athena")), output);
      Path regenerated = Path.of("target", "trino-tables.sql");
      Files.createDirectories(regenerated.getParent());
      Files.writeString(regenerated, derived);
      assertThat(read("docker/trino/tables.sql"))
          .as(
              "docker/trino/tables.sql is out of date with sql/athena/: copy job/%s over it",
              regenerated)
          .isEqualTo(derived);
    }

    /**
     * Grafana reads the provisioning files and the Trino dashboard where the provider looks, and
     * its data source is the trino service at the port it listens on.
     */
    @Test
    void grafanaIsProvisionedWithTheTrinoServiceAndTheTrinoDashboard() {
      Map<String, String> mounts = new LinkedHashMap<>();
      for (String volume : strings(service("grafana").get("volumes"))) {
        String[] parts = volume.split(":");
        assertThat(parts).as(volume).hasSize(3);
        assertThat(parts[2]).as(volume).isEqualTo("ro");
        assertThat(ROOT.resolve("docker").resolve(parts[0])).as(volume).exists();
        mounts.put(parts[1], parts[0]);
      }
      assertThat(mounts)
          .containsEntry("/etc/grafana/provisioning", "./grafana/provisioning")
          .containsEntry(
              GrafanaDashboards.DASHBOARDS_IN_CONTAINER + "/cloudtrail-trino.json",
              "./grafana/" + GrafanaDashboards.TRINO_DASHBOARD);
      assertThat(read("docker/grafana/" + GrafanaDashboards.DASHBOARD_PROVIDER))
          .contains("path: " + GrafanaDashboards.DASHBOARDS_IN_CONTAINER + "\n");
      assertThat(map(service("grafana").get("environment")))
          .containsEntry("GF_INSTALL_PLUGINS", "trino-datasource")
          .containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");

      URI trino = URI.create(GrafanaDashboards.TRINO_URL);
      assertThat(read("docker/grafana/" + GrafanaDashboards.TRINO_DATASOURCE))
          .contains("url: " + trino + "\n");
      assertThat(services).containsKey(trino.getHost());
      assertThat(strings(service(trino.getHost()).get("ports")))
          .anySatisfy(port -> assertThat(port).endsWith(":" + trino.getPort()));
      assertThat(ROOT.resolve("docker/trino/catalog/" + TrinoServer.CATALOG + ".properties"))
          .exists();
    }

    private Map<String, Object> service(String name) {
      assertThat(services).containsKey(name);
      return map(services.get(name));
    }

    private String option(String flag) {
      List<String> command = strings(service("jobmanager").get("command"));
      return command.get(command.indexOf(flag) + 1);
    }

    private Map<String, String> flinkProperties() {
      Map<String, String> properties = new LinkedHashMap<>();
      Object yaml =
          new Yaml()
              .load(
                  map(service("jobmanager").get("environment")).get("FLINK_PROPERTIES").toString());
      map(yaml).forEach((key, value) -> properties.put(key, String.valueOf(value)));
      assertThat(map(service("taskmanager").get("environment")).get("FLINK_PROPERTIES"))
          .isEqualTo(map(service("jobmanager").get("environment")).get("FLINK_PROPERTIES"));
      return properties;
    }

    /** Trino's catalog, with the {@code ${ENV:NAME}} values of the trino service filled in. */
    private Properties trinoCatalog() {
      Map<String, String> environment = stringMap(service("trino").get("environment"));
      Matcher variable =
          Pattern.compile("\\$\\{ENV:(\\w+)}")
              .matcher(read("docker/trino/catalog/awsdatacatalog.properties"));
      StringBuilder filled = new StringBuilder();
      while (variable.find()) {
        assertThat(environment).containsKey(variable.group(1));
        variable.appendReplacement(filled, environment.get(variable.group(1)));
      }
      variable.appendTail(filled);
      Properties catalog = new Properties();
      try {
        catalog.load(new java.io.StringReader(filled.toString()));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return catalog;
    }
  }

  @Nested
  class Kubernetes {

    private final Map<String, Object> kustomization = yaml("k8s/kustomization.yaml");
    private final Map<String, Map<String, Object>> resources = resourcesByKind();
    private final Map<String, Object> deployment = resources.get("FlinkDeployment");
    private final Map<String, Object> spec = map(deployment.get("spec"));
    private final Map<String, Object> job = map(spec.get("job"));
    private final Map<String, String> config = stringMap(spec.get("flinkConfiguration"));

    @Test
    void runsThePomsFlinkVersionAndOurJarInApplicationMode() {
      String[] version = FLINK_VERSION.split("\\.");
      assertThat(spec.get("flinkVersion")).isEqualTo("v" + version[0] + "_" + version[1]);
      assertThat(job.get("jarURI")).isEqualTo("local://" + JAR_IN_IMAGE);
      assertThat(job.get("entryClass")).isEqualTo(MAIN_CLASS);
      assertThat(flags(strings(job.get("args")))).isSubsetOf(cliFlags("run"));
      assertThat(job.get("upgradeMode")).isEqualTo("savepoint");
    }

    @Test
    void keepsCheckpointsSavepointsAndHaOnS3() {
      assertThat(config.get("execution.checkpointing.dir"))
          .startsWith("s3://")
          .isEqualTo(arg("--checkpoint-dir"));
      assertThat(config.get("execution.checkpointing.savepoint-dir")).startsWith("s3://");
      assertThat(config).containsEntry("high-availability.type", "kubernetes");
      assertThat(config.get("high-availability.storageDir")).startsWith("s3://");
      assertThat(config).containsKey("restart-strategy.type");
      assertThat(config)
          .containsEntry(
              "metrics.reporter.prom.factory.class",
              "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
      assertThat(map(spec.get("taskManager")).get("resource")).isNotNull();
      assertThat(map(spec.get("jobManager")).get("resource")).isNotNull();
    }

    @Test
    void runsAsAServiceAccountWithAnIamRole() {
      Map<String, Object> account = map(resources.get("ServiceAccount").get("metadata"));
      assertThat(spec.get("serviceAccount")).isEqualTo(account.get("name"));
      assertThat(map(account.get("annotations")).get("eks.amazonaws.com/role-arn").toString())
          .matches("arn:aws:iam::\\d{12}:role/.+");
      Map<String, Object> binding = resources.get("RoleBinding");
      assertThat(
              strings(
                  ((List<?>) binding.get("subjects"))
                      .stream().map(s -> map(s).get("name")).toList()))
          .containsExactly(account.get("name").toString());
    }

    @Test
    void theJobPolicyGrantsExactlyTheLocationsTheDeploymentUses() {
      JsonNode policy = json("k8s/iam/job-policy.json");
      String trail = bucket(arg("--input"));
      String results = bucket(arg("--output"));
      assertThat(actionsOn(policy, "arn:aws:s3:::" + trail)).containsExactly("s3:ListBucket");
      assertThat(actionsOn(policy, "arn:aws:s3:::" + trail + "/" + key(arg("--input")) + "/*"))
          .containsExactly("s3:GetObject");
      Set<String> writes =
          Set.of(
              "s3:GetObject",
              "s3:PutObject",
              "s3:DeleteObject",
              "s3:AbortMultipartUpload",
              "s3:ListMultipartUploadParts");
      for (String location :
          List.of(
              arg("--output"),
              arg("--checkpoint-dir"),
              config.get("execution.checkpointing.savepoint-dir"),
              config.get("high-availability.storageDir"))) {
        assertThat(actionsOn(policy, "arn:aws:s3:::" + results + "/" + key(location) + "/*"))
            .as(location)
            .containsAll(writes);
      }
      assertThat(
              actionsOn(
                  policy,
                  "arn:aws:s3:::"
                      + results
                      + "/"
                      + key(arg("--geoip-db")).replaceAll("[^/]+$", "*")))
          .contains("s3:GetObject");
      assertThat(actionsOn(policy, "arn:aws:s3:::" + results)).contains("s3:ListBucket");
      assertThat(policy.toString()).contains("kms:Decrypt");
      assertThat(policy.toString()).doesNotContain("\"s3:*\"", "\"*\"");
    }

    @Test
    void theTrailIsProtectedAndTheRoleTrustsOnlyTheServiceAccount() {
      JsonNode protection = json("k8s/iam/trail-bucket-protection-policy.json");
      String trailObjects = "arn:aws:s3:::" + bucket(arg("--input")) + "/AWSLogs/*";
      List<JsonNode> denies = new ArrayList<>();
      protection.get("Statement").forEach(denies::add);
      assertThat(denies).allSatisfy(s -> assertThat(s.get("Effect").asText()).isEqualTo("Deny"));
      assertThat(actionsOn(protection, trailObjects))
          .contains("s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObject");

      String namespace = kustomization.get("namespace").toString();
      String account = map(resources.get("ServiceAccount").get("metadata")).get("name").toString();
      assertThat(json("k8s/iam/irsa-trust-policy.json").toString())
          .contains("system:serviceaccount:" + namespace + ":" + account);
    }

    private String arg(String flag) {
      List<String> args = strings(job.get("args"));
      return args.get(args.indexOf(flag) + 1);
    }

    private Map<String, Map<String, Object>> resourcesByKind() {
      Map<String, Map<String, Object>> byKind = new LinkedHashMap<>();
      for (String file : strings(kustomization.get("resources"))) {
        for (Object document : new Yaml().loadAll(read("k8s/" + file))) {
          byKind.put(map(document).get("kind").toString(), map(document));
        }
      }
      assertThat(byKind)
          .containsKeys("Namespace", "ServiceAccount", "Role", "RoleBinding", "FlinkDeployment");
      return byKind;
    }
  }

  /** The actions that statements on exactly this resource allow or deny. */
  private static Set<String> actionsOn(JsonNode policy, String resource) {
    Set<String> actions = new TreeSet<>();
    for (JsonNode statement : policy.get("Statement")) {
      List<String> resources = new ArrayList<>();
      asList(statement.get("Resource")).forEach(resources::add);
      if (resources.contains(resource)) {
        actions.addAll(asList(statement.get("Action")));
      }
    }
    return actions;
  }

  private static List<String> asList(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(value -> values.add(value.asText()));
    } else {
      values.add(node.asText());
    }
    return values;
  }

  /** The flags a command's help lists: "run" or "generate". */
  private static Set<String> cliFlags(String command) {
    ByteArrayOutputStream help = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(help, true, StandardCharsets.UTF_8);
    new Cli(out, out).run("--help");
    String text = help.toString(StandardCharsets.UTF_8);
    String section = text.substring(text.indexOf("Options of " + command + ":"));
    section =
        section.substring(
            0, section.indexOf("\n\n") < 0 ? section.length() : section.indexOf("\n\n"));
    Set<String> flags = new TreeSet<>();
    Matcher flag = Pattern.compile("(?m)^  (--[a-z0-9-]+)").matcher(section);
    while (flag.find()) {
      flags.add(flag.group(1));
    }
    assertThat(flags).as("flags of " + command).isNotEmpty();
    return flags;
  }

  private static Set<String> flags(List<String> arguments) {
    Set<String> flags = new TreeSet<>();
    arguments.stream().filter(a -> a.startsWith("--")).forEach(flags::add);
    return flags;
  }

  private static String bucket(String s3Uri) {
    assertThat(s3Uri).startsWith("s3://");
    return URI.create(s3Uri).getHost();
  }

  private static String key(String s3Uri) {
    return URI.create(s3Uri).getPath().replaceAll("^/", "").replaceAll("/$", "");
  }

  private static String lastMatch(String regex, String text) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1);
    }
    return last;
  }

  private static String pomProperty(String name) {
    return lastMatch("<" + Pattern.quote(name) + ">([^<]+)</", read("pom.xml"));
  }

  private static String read(String file) {
    try {
      return Files.readString(ROOT.resolve(file));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String file) {
    try {
      JsonNode policy = new ObjectMapper().readTree(read(file));
      assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
      return policy;
    } catch (IOException e) {
      throw new IllegalStateException(file + " is not valid JSON", e);
    }
  }

  private static Map<String, Object> yaml(String file) {
    return map(new Yaml().load(read(file)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static Map<String, String> stringMap(Object value) {
    Map<String, String> strings = new LinkedHashMap<>();
    map(value).forEach((key, v) -> strings.put(key, String.valueOf(v)));
    return strings;
  }

  private static List<String> strings(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return ((List<?>) value).stream().map(String::valueOf).toList();
  }
}
