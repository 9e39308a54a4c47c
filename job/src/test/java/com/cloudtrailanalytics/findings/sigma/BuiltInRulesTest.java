package com.cloudtrailanalytics.findings.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.findings.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules the jar ships, each against CloudTrail records hand-written after AWS's documented
 * examples: {@code rule-cases/<rule file name>.json} holds {@code fires} (records the rule must
 * match, at least one for each branch of its condition), {@code quiet} (the near misses it must not
 * match) and {@code alsoFires} (the other built-in rules that fire on some of those records; none
 * other may). Records are read by the job's own parser, as a trail's would be.
 */
class BuiltInRulesTest {

  private static final String CASES = "rule-cases";
  private static final Set<String> CASE_FILE_KEYS = Set.of("fires", "quiet", "alsoFires");

  /** Fields every CloudTrail management and data event record has. */
  private static final List<String> RECORD_FIELDS =
      List.of(
          "eventVersion",
          "userIdentity",
          "eventTime",
          "eventSource",
          "eventName",
          "awsRegion",
          "sourceIPAddress",
          "eventID",
          "eventType",
          "recipientAccountId");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LoadedRules BUILT_IN = RuleSets.builtIn(new SigmaRuleLoader());

  static Stream<Named<SigmaRule>> builtInRules() {
    return BUILT_IN.rules().stream().map(rule -> Named.of(rule.title(), rule));
  }

  @Test
  void everyBuiltInRuleLoads() {
    assertThat(BUILT_IN.problems()).isEmpty();
    assertThat(BUILT_IN.rules()).isNotEmpty();
  }

  @Test
  void everyBuiltInRuleHasACaseFileAndEveryCaseFileARule() throws IOException {
    List<String> ruleNames = BUILT_IN.rules().stream().map(BuiltInRulesTest::name).toList();

    assertThat(ruleNames).doesNotHaveDuplicates();
    assertThat(caseFileNames()).containsExactlyInAnyOrderElementsOf(ruleNames);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtInRules")
  void matchesEveryFiresRecordAndNoQuietRecord(SigmaRule rule) {
    Cases cases = Cases.of(rule);

    assertThat(cases.fires()).as("fires records of %s", cases.file()).isNotEmpty();
    assertThat(cases.quiet()).as("quiet records of %s", cases.file()).isNotEmpty();
    assertThat(labels(cases.fires(), record -> !rule.matches(record.fields())))
        .as("fires records of %s that %s does not match", cases.file(), rule.title())
        .isEmpty();
    assertThat(labels(cases.quiet(), record -> rule.matches(record.fields())))
        .as("quiet records of %s that %s matches", cases.file(), rule.title())
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtInRules")
  void firesBesideNoOtherBuiltInRuleThanItsCaseFileNames(SigmaRule rule) {
    Cases cases = Cases.of(rule);
    Map<String, List<String>> othersByRecord = new LinkedHashMap<>();
    for (CaseRecord record : cases.all()) {
      othersByRecord.put(
          record.label(),
          BUILT_IN.rules().stream()
              .filter(other -> other != rule && other.matches(record.fields()))
              .map(BuiltInRulesTest::name)
              .toList());
    }
    Set<String> others = new TreeSet<>();
    othersByRecord.values().forEach(others::addAll);

    assertThat(others)
        .as(
            "the other built-in rules that fire on the records of %s, record by record:%n%s",
            cases.file(), table(othersByRecord))
        .containsExactlyInAnyOrderElementsOf(cases.alsoFires());
  }

  /** A rule's name: its file's name without the extension, e.g. {@code cis-4.01-...}. */
  @Test
  void pickingRulesByTheirTypedFieldsLeavesOutNoRuleThatMatches() {
    SigmaFindings findings = new SigmaFindings(BUILT_IN.rules());
    int records = 0;
    for (SigmaRule rule : BUILT_IN.rules()) {
      for (CaseRecord record : Cases.of(rule).all()) {
        List<String> found = new ArrayList<>();
        findings.flatMap(
            record.event(),
            new Collector<>() {
              @Override
              public void collect(Finding finding) {
                found.add(finding.ruleId());
              }

              @Override
              public void close() {}
            });
        assertThat(found)
            .as(record.label())
            .containsExactlyElementsOf(
                BUILT_IN.rules().stream()
                    .filter(each -> each.matches(record.fields()))
                    .map(SigmaRule::id)
                    .toList());
        records++;
      }
    }
    assertThat(records).isGreaterThan(100);
    assertThat(BUILT_IN.rules())
        .as("rules tried only on the event names they name (all but CIS 4.1 and 4.3)")
        .filteredOn(rule -> rule.detection().requiredValues(FieldPath.of("eventName")) != null)
        .hasSize(BUILT_IN.rules().size() - 2);
  }

  static String name(SigmaRule rule) {
    String file = Path.of(rule.source()).getFileName().toString();
    return file.substring(0, file.lastIndexOf('.'));
  }

  private static List<String> caseFileNames() throws IOException {
    URL folder = BuiltInRulesTest.class.getClassLoader().getResource(CASES);
    assertThat(folder).as("the test resources folder %s", CASES).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(file -> file.endsWith(".json"))
          .map(file -> file.substring(0, file.length() - ".json".length()))
          .toList();
    } catch (URISyntaxException e) {
      throw new IOException("unusable address of " + CASES + ": " + folder, e);
    }
  }

  private static List<String> labels(List<CaseRecord> records, Predicate<CaseRecord> wrong) {
    return records.stream().filter(wrong).map(CaseRecord::label).toList();
  }

  private static String table(Map<String, List<String>> othersByRecord) {
    return othersByRecord.entrySet().stream()
        .map(entry -> "  " + entry.getKey() + " -> " + entry.getValue())
        .collect(Collectors.joining(System.lineSeparator()));
  }

  /** One record of a case file, as the job reads it. */
  private record CaseRecord(String label, CloudTrailEvent event, EventFields fields) {}

  /** A rule's case file. */
  private record Cases(
      String file, List<CaseRecord> fires, List<CaseRecord> quiet, List<String> alsoFires) {

    static Cases of(SigmaRule rule) {
      String file = CASES + "/" + name(rule) + ".json";
      JsonNode tree;
      try (InputStream in = BuiltInRulesTest.class.getClassLoader().getResourceAsStream(file)) {
        assertThat(in).as("the case file %s", file).isNotNull();
        tree = JSON.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      Set<String> keys = new TreeSet<>();
      tree.fieldNames().forEachRemaining(keys::add);
      assertThat(CASE_FILE_KEYS).as("the keys of %s", file).containsAll(keys);
      Set<String> eventIds = new HashSet<>();
      List<CaseRecord> fires = records(file, tree, "fires", eventIds);
      List<CaseRecord> quiet = records(file, tree, "quiet", eventIds);
      List<String> alsoFires = new ArrayList<>();
      tree.path("alsoFires").forEach(name -> alsoFires.add(name.asText()));
      return new Cases(file, fires, quiet, alsoFires);
    }

    List<CaseRecord> all() {
      return Stream.concat(fires.stream(), quiet.stream()).toList();
    }

    private static List<CaseRecord> records(
        String file, JsonNode tree, String key, Set<String> eventIds) {
      List<CaseRecord> records = new ArrayList<>();
      JsonNode array = tree.path(key);
      for (int i = 0; i < array.size(); i++) {
        JsonNode record = array.get(i);
        String label = key + "[" + i + "] " + record.path("eventName").asText();
        for (String field : RECORD_FIELDS) {
          assertThat(record.has(field)).as("%s %s has %s", file, label, field).isTrue();
        }
        assertThat(eventIds.add(record.get("eventID").asText()))
            .as("%s %s has an eventID of its own", file, label)
            .isTrue();
        String json;
        try {
          json = JSON.writeValueAsString(record);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        CloudTrailEvent event = CloudTrailExamples.event(json);
        records.add(
            new CaseRecord(
                label + " " + record.get("eventID").asText(), event, new EventFields(event)));
      }
      return records;
    }
  }
}
