package com.cloudtrailanalytics.findings.sigma;

import static com.cloudtrailanalytics.findings.sigma.TestRules.cloudTrailRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.cloudtrailanalytics.findings.Severity;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigmaRuleLoaderTest {

  private static final String STOP_LOGGING =
      "id: stop-logging\nlevel: high\n"
          + cloudTrailRule("selection:\n  eventName: StopLogging\ncondition: selection\n");
  private static final String DELETE_TRAIL =
      "id: delete-trail\n"
          + cloudTrailRule("selection:\n  eventName: DeleteTrail\ncondition: selection\n");
  private static final String WHOAMI =
      """
      title: Whoami
      logsource:
        product: windows
        category: process_creation
      detection:
        selection:
          Image|endswith: '\\whoami.exe'
        condition: selection
      """;
  private static final String BASE64 =
      cloudTrailRule(
          "selection:\n  requestParameters.x|base64offset|contains: secret\ncondition: selection\n");

  @TempDir Path dir;

  private final SigmaRuleLoader loader = new SigmaRuleLoader();

  @Test
  void loadsEveryRuleFileUnderAFolderInSortedOrderAndReportsTheRest() throws IOException {
    write("aws/cloudtrail/stop_logging.yml", STOP_LOGGING);
    write("aws/cloudtrail/delete_trail.yaml", DELETE_TRAIL);
    write("aws/unsupported.yml", BASE64);
    write("windows/whoami.yml", WHOAMI);
    write("broken.yml", "title: [");
    write("README.md", "not a rule");
    write("aws/notes.txt", "not a rule either");

    LoadedRules loaded = loader.load(dir);

    assertThat(loaded.rules())
        .extracting(SigmaRule::id, SigmaRule::source)
        .containsExactly(
            tuple("delete-trail", file("aws/cloudtrail/delete_trail.yaml")),
            tuple("stop-logging", file("aws/cloudtrail/stop_logging.yml")));
    assertThat(loaded.problems())
        .extracting(RuleProblem::toString)
        .containsExactly(
            file("aws/unsupported.yml")
                + ": unsupported modifier 'base64offset' in field"
                + " 'requestParameters.x|base64offset|contains'",
            file("broken.yml")
                + ": not valid YAML: expected the node content, but found '<stream end>' (line"
                + " 1, column 9)",
            file("windows/whoami.yml")
                + ": skipped: logsource {product: windows, category: process_creation} is not"
                + " AWS CloudTrail (product: aws, service: cloudtrail)");
    assertThat(loaded.errors())
        .extracting(RuleProblem::kind)
        .containsExactly(RuleProblem.Kind.UNSUPPORTED, RuleProblem.Kind.INVALID);
    assertThat(loaded.skipped())
        .extracting(RuleProblem::file)
        .containsExactly(file("windows/whoami.yml"));
  }

  @Test
  void aRuleIdUsedTwiceIsAProblemOfTheLaterFile() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    write("first/stop_logging.yml", STOP_LOGGING);
    write("second/a_copy.yml", STOP_LOGGING.replace("level: high", "level: low"));

    LoadedRules loaded = loader.load(first, second);

    assertThat(loaded.rules())
        .singleElement()
        .extracting(SigmaRule::severity)
        .isEqualTo(Severity.HIGH);
    assertThat(loaded.errors())
        .extracting(RuleProblem::toString)
        .containsExactly(
            file("second/a_copy.yml")
                + ": rule id 'stop-logging' is already the id of "
                + file("first/stop_logging.yml")
                + "; ids must be unique");
  }

  @Test
  void aFileNamedDirectlyIsLoadedWhateverItsExtension() throws IOException {
    Path rule = write("stop_logging.rule", STOP_LOGGING);

    assertThat(loader.load(rule).rules()).extracting(SigmaRule::id).containsExactly("stop-logging");
  }

  @Test
  void compilesRuleFilesReadElsewhereWithTheSameChecks() {
    String withoutId = STOP_LOGGING.replace("id: stop-logging\n", "");

    LoadedRules loaded =
        loader.compile(
            List.of(
                new RuleFile("s3://detections/rules/stop_logging.yml", withoutId),
                new RuleFile("s3://detections/rules/delete_trail.yml", DELETE_TRAIL),
                new RuleFile("s3://detections/more/stop_logging.yaml", withoutId)));

    assertThat(loaded.rules())
        .extracting(SigmaRule::id)
        .containsExactly("stop_logging", "delete-trail");
    assertThat(loaded.problems())
        .extracting(RuleProblem::toString)
        .containsExactly(
            "s3://detections/more/stop_logging.yaml: rule id 'stop_logging' is already the id of"
                + " s3://detections/rules/stop_logging.yml; ids must be unique");
  }

  @Test
  void ruleFilesEndInYmlOrYamlInAnyCase() {
    assertThat(SigmaRuleLoader.isRuleFileName("stop_logging.yml")).isTrue();
    assertThat(SigmaRuleLoader.isRuleFileName("STOP_LOGGING.YAML")).isTrue();
    assertThat(SigmaRuleLoader.isRuleFileName("stop_logging.yml.bak")).isFalse();
    assertThat(SigmaRuleLoader.isRuleFileName("README.md")).isFalse();
  }

  @Test
  void aFolderThatDoesNotExistIsAnError() {
    assertThatThrownBy(() -> loader.load(dir.resolve("missing")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(dir.resolve("missing").toString());
  }

  @Test
  void aFileThatIsNotUtf8IsAProblem() throws IOException {
    Files.write(dir.resolve("latin1.yml"), "title: caf\u00e9\n".getBytes("ISO-8859-1"));

    assertThat(loader.load(dir).problems())
        .extracting(RuleProblem::toString)
        .containsExactly(file("latin1.yml") + ": not UTF-8 text; save the rule as UTF-8");
  }

  @Test
  void loadsFromAFolderInsideAJar() throws IOException {
    Path jar = jarWithRules();

    try (FileSystem zip = FileSystems.newFileSystem(jar)) {
      LoadedRules loaded = loader.load(zip.getPath("rules"));

      assertThat(loaded.rules())
          .extracting(SigmaRule::id)
          .containsExactly("delete-trail", "stop-logging");
      assertThat(loaded.rules().get(0).source()).isEqualTo("rules/aws/delete_trail.yml");
      assertThat(loaded.skipped())
          .extracting(RuleProblem::file)
          .containsExactly("rules/whoami.yml");
    }
  }

  @Test
  void loadsAClassPathFolderFromAJar() throws IOException {
    Path jar = jarWithRules();

    try (URLClassLoader classPath = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      LoadedRules loaded = loader.loadResources(classPath, "rules");

      assertThat(loaded.rules())
          .extracting(SigmaRule::id)
          .containsExactly("delete-trail", "stop-logging");
      assertThat(loaded.rules().get(0).source()).isEqualTo("/rules/aws/delete_trail.yml");
    }
    assertThatThrownBy(() -> FileSystems.getFileSystem(URI.create("jar:" + jar.toUri())))
        .as("the loader closes the jar it opened")
        .isInstanceOf(FileSystemNotFoundException.class);
  }

  @Test
  void leavesOpenAJarSomeoneElseOpened() throws IOException {
    Path jar = jarWithRules();

    try (FileSystem opened = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of());
        URLClassLoader classPath = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(loader.loadResources(classPath, "rules").rules()).hasSize(2);
      assertThat(opened.isOpen()).isTrue();
    }
  }

  @Test
  void loadsAClassPathFolderOnDisk() throws IOException {
    write("classes/rules/stop_logging.yml", STOP_LOGGING);

    try (URLClassLoader classPath =
        new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, null)) {
      assertThat(loader.loadResources(classPath, "rules").rules())
          .extracting(SigmaRule::source)
          .containsExactly(file("classes/rules/stop_logging.yml"));
      assertThatThrownBy(() -> loader.loadResources(classPath, "no-rules"))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage("no-rules: no such folder on the class path");
    }
  }

  private Path jarWithRules() throws IOException {
    Path jar = dir.resolve("job.jar");
    try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of("create", "true"))) {
      Files.createDirectories(zip.getPath("rules/aws"));
      Files.writeString(zip.getPath("rules/aws/stop_logging.yml"), STOP_LOGGING);
      Files.writeString(zip.getPath("rules/aws/delete_trail.yml"), DELETE_TRAIL);
      Files.writeString(zip.getPath("rules/whoami.yml"), WHOAMI);
    }
    return jar;
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private String file(String relative) {
    return dir.resolve(relative).toString();
  }
}
