package com.cloudtrailanalytics.athena;

import static com.cloudtrailanalytics.testing.SampleRun.FIRST_DAY;
import static com.cloudtrailanalytics.testing.SampleRun.LAST_DAY;
import static java.util.Comparator.comparing;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.sample.Investigation;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.testing.SampleRun;
import com.cloudtrailanalytics.testing.TrailRecords.Record;
import com.maxmind.geoip2.model.CityResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The saved queries that the dashboards (sql/dashboards/dashboards.yaml) and the demo's answer use,
 * against answers worked out from the sample trail's JSON and the findings table, on every engine
 * of {@link SavedQueryAnswers}.
 */
abstract class DashboardQueryAnswers extends SavedQueryAnswers {

  @Test
  void eventsOverTimeCountEveryEventPerHourAccountAndRegion() throws Exception {
    List<List<Object>> rows = run("events_over_time", FIRST_DAY, LAST_DAY);

    Map<List<Object>, List<Long>> expected = new TreeMap<>(comparing(Object::toString));
    for (Record r : sample.records) {
      List<Object> key = List.of(hour(r), r.accountId() + " " + r.text("awsRegion"));
      expected.merge(key, List.of(1L, r.isError() ? 1L : 0L), DashboardQueryAnswers::plus);
    }
    assertThat(rows)
        .containsExactlyElementsOf(
            expected.entrySet().stream()
                .map(
                    e ->
                        List.<Object>of(
                            e.getKey().get(0),
                            e.getKey().get(1),
                            e.getValue().get(0),
                            e.getValue().get(1)))
                .toList());
  }

  @Test
  void errorRateOverTimeIsEachHoursErrorsOverEvents() throws Exception {
    List<List<Object>> rows = run("error_rate_over_time", FIRST_DAY, LAST_DAY);

    Map<Instant, List<Long>> expected = new TreeMap<>();
    for (Record r : sample.records) {
      expected.merge(hour(r), List.of(1L, r.isError() ? 1L : 0L), DashboardQueryAnswers::plus);
    }
    assertThat(rows)
        .containsExactlyElementsOf(
            expected.entrySet().stream()
                .map(
                    e ->
                        List.<Object>of(
                            e.getKey(),
                            e.getValue().get(0),
                            e.getValue().get(1),
                            (double) e.getValue().get(1) / e.getValue().get(0)))
                .toList());
    assertThat(rows).hasSizeGreaterThan(5);
  }

  @Test
  void topErrorCodesCountFailedCallsAndTheirPrincipals() throws Exception {
    assertThat(run("top_error_codes", FIRST_DAY, LAST_DAY))
        .containsExactlyElementsOf(topErrors(r -> r.text("errorCode")));
  }

  @Test
  void topFailingCallsCountFailuresPerServiceAndCall() throws Exception {
    List<List<Object>> rows = run("top_failing_calls", FIRST_DAY, LAST_DAY);

    assertThat(rows.stream().map(row -> row.subList(0, 3)).toList())
        .containsExactlyElementsOf(topErrors(r -> r.eventSource() + " " + r.eventName()));
    for (List<Object> row : rows) {
      assertThat(
              sample.records.stream()
                  .filter(r -> row.get(0).equals(r.eventSource() + " " + r.eventName()))
                  .map(r -> r.text("errorCode"))
                  .filter(code -> code != null)
                  .max(Comparator.naturalOrder()))
          .contains((String) row.get(3));
    }
  }

  @Test
  void signInLocationsArePlacesWithTheirSignInsFailuresAndUsers() throws Exception {
    List<List<Object>> rows = run("console_login_locations", FIRST_DAY, LAST_DAY);

    Map<List<Object>, List<Record>> byPlace = new HashMap<>();
    for (Record r : sample.records) {
      Optional<CityResponse> place = r.isConsoleLogin() ? place(r) : Optional.empty();
      if (place.isPresent() && place.get().location().latitude() != null) {
        CityResponse city = place.get();
        byPlace
            .computeIfAbsent(
                Arrays.asList(
                    city.location().latitude(),
                    city.location().longitude(),
                    city.country().isoCode(),
                    city.city().name()),
                key -> new ArrayList<>())
            .add(r);
      }
    }
    List<List<Object>> expected = new ArrayList<>();
    byPlace.forEach(
        (place, logins) -> {
          List<Object> row = new ArrayList<>(place);
          row.add((long) logins.size());
          row.add(logins.stream().filter(r -> "Failure".equals(r.loginResult())).count());
          row.add(logins.stream().map(Record::userName).distinct().count());
          expected.add(row);
        });
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows).isSortedAccordingTo(comparing(row -> -(Long) row.get(4)));
    assertThat(rows).anySatisfy(row -> assertThat(row.get(3)).isEqualTo("London"));
  }

  @Test
  void newCountryIsNicholasInLondonAfterSigningInFromMilton() throws Exception {
    List<List<Object>> rows = run("new_sign_in_countries", LAST_DAY, FIRST_DAY, LAST_DAY);

    Map<String, Set<String>> countriesSeen = new HashMap<>();
    List<List<Object>> expected = new ArrayList<>();
    List<Record> signIns =
        sample.records.stream()
            .filter(r -> r.isConsoleLogin() && "Success".equals(r.loginResult()))
            .filter(r -> country(r) != null)
            .sorted(comparing(Record::time))
            .toList();
    for (Record r : signIns) {
      Set<String> seen = countriesSeen.computeIfAbsent(r.userName(), user -> new HashSet<>());
      if (seen.add(country(r)) && seen.size() > 1) {
        expected.add(
            Arrays.asList(
                r.time(),
                r.userName(),
                country(r),
                place(r).map(p -> p.city().name()).orElse(null),
                r.text("sourceIPAddress"),
                r.mfaUsed()));
      }
    }
    assertThat(rows).containsExactlyElementsOf(expected);
    assertThat(rows)
        .contains(
            Arrays.asList(
                Investigation.nicholasLogin(SampleRun.START, SampleRun.DURATION),
                "nicholas",
                "GB",
                "London",
                SyntheticTrail.NICHOLAS_IP,
                false));
  }

  @Test
  void stoppedInstancesNameTheSignInThatBeganTheSession() throws Exception {
    List<List<Object>> rows = run("stopped_instances", FIRST_DAY, LAST_DAY, FIRST_DAY, LAST_DAY);

    assertThat(rows)
        .hasSize(
            (int)
                sample.records.stream()
                    .filter(r -> "ec2.amazonaws.com".equals(r.eventSource()))
                    .filter(
                        r -> Set.of("StopInstances", "TerminateInstances").contains(r.eventName()))
                    .filter(r -> !r.isError())
                    .count());
    assertThat(rows)
        .contains(
            Arrays.asList(
                Investigation.webServerStopped(SampleRun.START, SampleRun.DURATION),
                "StopInstances",
                List.of(SyntheticTrail.WEB_SERVER),
                SyntheticTrail.MAIN_ACCOUNT,
                "nicholas",
                "IAMUser",
                SyntheticTrail.NICHOLAS_IP,
                "GB",
                Investigation.nicholasLogin(SampleRun.START, SampleRun.DURATION),
                SyntheticTrail.NICHOLAS_IP,
                "London",
                "GB",
                false,
                Investigation.id("nicholas-login")));
  }

  @Test
  void findingsOnNicholasLondonSignInAreTravelNoMfaAndANewCountry() throws Exception {
    FindingAnswers answers = findingAnswers();
    String login = Investigation.id("nicholas-login");

    List<List<Object>> rows = run("findings_on_event", FIRST_DAY, LAST_DAY, login);

    List<String> mostSevereFirst = List.of("critical", "high", "medium", "low", "informational");
    assertThat(rows)
        .containsExactlyElementsOf(
            answers.findings().stream()
                .filter(finding -> ((List<?>) finding.get(9)).contains(login))
                .map(finding -> List.of(finding.get(2), finding.get(4), finding.get(8)))
                .sorted(
                    comparing((List<Object> row) -> mostSevereFirst.indexOf(row.get(0)))
                        .thenComparing(row -> (String) row.get(1)))
                .toList());
    assertThat(rows.stream().map(row -> row.get(1)))
        .containsExactly(
            "Console sign-ins of one person farther apart than travel allows",
            "CIS 4.2 Console sign-in without MFA",
            "Console sign-in from a country not seen for this person");
  }

  @Test
  void latestFindingsAreTheFiftyNewest() throws Exception {
    FindingAnswers answers = findingAnswers();
    List<List<Object>> rows = run("latest_findings", FIRST_DAY, LAST_DAY);

    assertThat(answers.findings()).hasSizeGreaterThan(50);
    assertThat(rows).hasSize(50);
    List<Instant> newest =
        answers.findings().stream()
            .map(finding -> (Instant) finding.get(8))
            .sorted(Comparator.reverseOrder())
            .limit(50)
            .toList();
    assertThat(rows.stream().map(row -> (Instant) row.get(0)).toList())
        .containsExactlyElementsOf(newest);
  }

  @Test
  void findingsOverTimeCountEachHourAndSeverity() throws Exception {
    FindingAnswers answers = findingAnswers();
    List<List<Object>> rows = run("findings_over_time", FIRST_DAY, LAST_DAY);

    Map<List<Object>, Long> expected =
        answers.findings().stream()
            .collect(
                groupingBy(
                    finding ->
                        List.of(
                            ((Instant) finding.get(8)).truncatedTo(ChronoUnit.HOURS),
                            finding.get(2)),
                    () -> new TreeMap<>(comparing(Object::toString)),
                    counting()));
    assertThat(rows)
        .containsExactlyElementsOf(
            expected.entrySet().stream()
                .map(e -> List.<Object>of(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .toList());
  }

  @Test
  void inputSetAsideIsTheFileThatIsNotGzipAndTheFileThatIsNotALogFile() throws Exception {
    List<List<Object>> rows = run("unread_input_by_reason", FIRST_DAY, LAST_DAY);

    assertThat(rows)
        .containsExactly(
            List.of("rejected_file", "corrupt_gzip", 1L, 0L, key(sample.notGzip)),
            List.of("skipped_file", "not_a_log_file", 1L, 0L, key(sample.notALogFile)));
    assertThat(run("unread_input_by_reason", FIRST_DAY, FIRST_DAY))
        .as("both files are of the last day")
        .isEmpty();
  }

  @Test
  void filesNotReadWholeAreTheRejectedFileThenTheSkippedOne() throws Exception {
    List<List<Object>> rows = run("files_not_read_whole", FIRST_DAY, LAST_DAY);

    // the not-gzip file is named as delivered at 02:00 of the last day (SampleRun)
    Instant named = SampleRun.START.plus(SampleRun.DURATION).minus(Duration.ofHours(1));
    assertThat(rows.stream().map(row -> row.subList(0, 4)))
        .containsExactly(
            List.of(key(sample.notGzip), "rejected", "log", "corrupt_gzip"),
            List.of(key(sample.notALogFile), "skipped", "other", "not_a_log_file"));
    assertThat(rows.get(0).get(4)).isEqualTo(named);
    assertThat(rows.stream().map(row -> row.subList(5, 7)))
        .as("neither file gave an event or a record")
        .allSatisfy(counts -> assertThat(counts).containsOnly(0L));
  }

  /** A file's key as the job's tables spell it: its URI as Flink prints a path. */
  private static String key(Path file) {
    return new org.apache.flink.core.fs.Path(file.toUri()).toString();
  }

  /** Failed calls grouped by {@code key}: errors and principals, most errors first, top 15. */
  private static List<List<Object>> topErrors(Function<Record, String> key) {
    Map<String, List<Record>> groups =
        sample.records.stream()
            .filter(Record::isError)
            .collect(groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    return groups.entrySet().stream()
        .map(
            e ->
                List.<Object>of(
                    e.getKey(),
                    (long) e.getValue().size(),
                    e.getValue().stream().map(Record::principal).distinct().count()))
        .sorted(
            comparing((List<Object> row) -> -(Long) row.get(1))
                .thenComparing(row -> (String) row.get(0)))
        .limit(15)
        .toList();
  }

  private static Instant hour(Record r) {
    return r.time().truncatedTo(ChronoUnit.HOURS);
  }

  private static List<Long> plus(List<Long> a, List<Long> b) {
    return List.of(a.get(0) + b.get(0), a.get(1) + b.get(1));
  }
}
