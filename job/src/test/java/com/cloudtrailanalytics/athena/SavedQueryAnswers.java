package com.cloudtrailanalytics.athena;

import static com.cloudtrailanalytics.testing.SampleRun.FIRST_DAY;
import static com.cloudtrailanalytics.testing.SampleRun.LAST_DAY;
import static java.util.Comparator.comparing;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.sample.Investigation;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.SampleRun;
import com.cloudtrailanalytics.testing.TrailRecords.Record;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CityResponse;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every saved query in sql/athena/queries/, run over the job's output for the sample trail by the
 * engine of a subclass (DuckDB, Trino), against answers worked out from the trail's JSON (and
 * MaxMind's own reader for places): one set of expectations for every engine.
 */
abstract class SavedQueryAnswers {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  private static final Pattern IP_LITERAL =
      Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]*:[0-9a-fA-F:.]*");

  static SampleRun sample;
  private static DatabaseReader places;

  @BeforeAll
  static void runTheJob() throws Exception {
    sample = SampleRun.get();
    places = new DatabaseReader.Builder(sample.geo.city().toFile()).build();
    try (OutputTables tables = new OutputTables(sample.output)) {
      assertThat(tables.committedFiles("late_events"))
          .as("the window tables hold every event of the sample trail")
          .isEmpty();
    }
  }

  @AfterAll
  static void closePlaces() throws Exception {
    places.close();
  }

  /** Runs a query's text with its {@code ?} parameters bound in order; rows as JDBC gives them. */
  public abstract List<List<Object>> query(String sql, Object... parameters) throws Exception;

  @Test
  void instanceHistoryShowsNicholasStoppingTheWebServerFromLondon() throws Exception {
    List<List<Object>> rows =
        run("ec2_instance_history", FIRST_DAY, LAST_DAY, SyntheticTrail.WEB_SERVER);

    assertThat(sortedByTime(rows))
        .containsExactlyElementsOf(
            expected(
                r ->
                    "ec2.amazonaws.com".equals(r.eventSource())
                        && String.valueOf(r.text("requestParameters"))
                            .contains('"' + SyntheticTrail.WEB_SERVER + '"'),
                r ->
                    Arrays.asList(
                        r.time(),
                        r.eventName(),
                        r.userName(),
                        r.identityType(),
                        r.text("sourceIPAddress"),
                        country(r),
                        r.text("awsRegion"),
                        r.text("errorCode"))));
    assertThat(rows)
        .anySatisfy(
            row ->
                assertThat(row.subList(0, 6))
                    .containsExactly(
                        Investigation.webServerStopped(SampleRun.START, SampleRun.DURATION),
                        "StopInstances",
                        "nicholas",
                        "IAMUser",
                        SyntheticTrail.NICHOLAS_IP,
                        "GB"));
  }

  @Test
  void consoleActivityOfOneUserIsHisSignInAndWhatHeDidAfterIt() throws Exception {
    Instant login = Investigation.nicholasLogin(SampleRun.START, SampleRun.DURATION);
    Instant from = login.minus(Duration.ofMinutes(1));
    Instant to = login.plus(Duration.ofHours(1));

    List<List<Object>> rows =
        run(
            "user_console_activity",
            FIRST_DAY,
            LAST_DAY,
            "nicholas",
            timestamp(from),
            timestamp(to));

    assertThat(sortedByTime(rows))
        .containsExactlyElementsOf(
            expected(
                r ->
                    "nicholas".equals(r.userName())
                        && !r.time().isBefore(from)
                        && r.time().isBefore(to)
                        && ("true".equals(r.text("sessionCredentialFromConsole"))
                            || "ConsoleLogin".equals(r.eventName())),
                r ->
                    Arrays.asList(
                        r.time(),
                        r.eventSource(),
                        r.eventName(),
                        r.text("awsRegion"),
                        r.text("sourceIPAddress"),
                        country(r),
                        r.text("errorCode"),
                        r.text("requestParameters"))));
    assertThat(rows.stream().map(row -> row.get(2)))
        .containsSubsequence(
            "ConsoleLogin", "DescribeInstances", "StopInstances", "AuthorizeSecurityGroupIngress");
  }

  @Test
  void requestsByResultCountEachUsersSuccessesAndFailures() throws Exception {
    Map<List<Object>, long[]> expected = new HashMap<>();
    for (Record r : sample.records) {
      long[] counts =
          expected.computeIfAbsent(List.of(r.accountId(), r.userName()), k -> new long[2]);
      counts[r.isError() ? 1 : 0]++;
    }

    List<List<Object>> rows = run("requests_by_result_per_user", FIRST_DAY, LAST_DAY);

    assertThat(rows)
        .containsExactlyElementsOf(
            expected.entrySet().stream()
                .map(
                    e ->
                        List.<Object>of(
                            e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1]))
                .sorted(
                    comparing((List<Object> row) -> -((long) row.get(2) + (long) row.get(3)))
                        .thenComparing(row -> (String) row.get(0))
                        .thenComparing(row -> (String) row.get(1)))
                .toList());
  }

  @Test
  void operationsOverTimeCountEventsAndErrorsPerHourByRegionServiceAndUser() throws Exception {
    Map<List<Object>, List<Long>> expected = new HashMap<>();
    for (Record r : sample.records) {
      Instant hour = r.time().truncatedTo(ChronoUnit.HOURS);
      for (List<Object> key :
          List.of(
              List.<Object>of(hour, "region", r.text("awsRegion")),
              List.<Object>of(hour, "service", r.eventSource()),
              List.<Object>of(hour, "user", r.userName()))) {
        expected.merge(key, List.of(1L, r.isError() ? 1L : 0L), SavedQueryAnswers::sum);
      }
    }

    Map<List<Object>, List<Long>> actual = new HashMap<>();
    for (List<Object> row : run("operations_over_time", FIRST_DAY, LAST_DAY)) {
      actual.put(row.subList(0, 3), List.of((Long) row.get(3), (Long) row.get(4)));
    }

    assertThat(actual).isEqualTo(expected);
    assertThat(actual.keySet().stream().map(key -> key.get(0)).distinct()).hasSize(6);
  }

  @Test
  void errorOverviewRanksTheMostCommonErrors() throws Exception {
    Map<List<Object>, Long> errors =
        sample.records.stream()
            .filter(Record::isError)
            .collect(
                Collectors.groupingBy(
                    r -> List.of(r.text("errorCode"), r.eventSource(), r.eventName(), r.userName()),
                    Collectors.counting()));
    List<List<Object>> expected =
        errors.entrySet().stream()
            .map(e -> with(e.getKey(), e.getValue()))
            .sorted(
                comparing((List<Object> row) -> -(long) row.get(4))
                    .thenComparing(row -> (String) row.get(0))
                    .thenComparing(row -> (String) row.get(1))
                    .thenComparing(row -> (String) row.get(2))
                    .thenComparing(row -> (String) row.get(3)))
            .limit(100)
            .toList();

    List<List<Object>> rows = run("error_overview", FIRST_DAY, LAST_DAY);

    assertThat(rows).isNotEmpty();
    assertThat(rows.stream().map(row -> row.subList(0, 5))).containsExactlyElementsOf(expected);
  }

  @Test
  void consoleLoginOverviewShowsPlacesFailuresMissingMfaAndNewCountries() throws Exception {
    Map<List<Object>, List<Long>> expected = new HashMap<>();
    Set<List<String>> knownBefore = new HashSet<>();
    for (Record r : sample.records) {
      if (!"ConsoleLogin".equals(r.eventName())) {
        continue;
      }
      Optional<CityResponse> place = place(r);
      String country = place.map(p -> p.country().isoCode()).orElse(null);
      String city = place.map(p -> p.city().name()).orElse(null);
      if (day(r).equals(FIRST_DAY) && country != null) {
        knownBefore.add(List.of(r.userName(), country));
      }
      if (day(r).equals(LAST_DAY)) {
        boolean failed = "Failure".equals(r.text("responseElements", "ConsoleLogin"));
        boolean withoutMfa = !failed && !"Yes".equals(r.text("additionalEventData", "MFAUsed"));
        expected.merge(
            Arrays.asList(r.userName(), country, city),
            List.of(1L, failed ? 1L : 0L, withoutMfa ? 1L : 0L),
            SavedQueryAnswers::sum);
      }
    }

    Map<List<Object>, List<Object>> actual = new HashMap<>();
    for (List<Object> row : run("console_login_overview", LAST_DAY, LAST_DAY, LAST_DAY)) {
      actual.put(row.subList(0, 3), List.of(row.get(3), row.get(4), row.get(5), row.get(9)));
    }

    Map<List<Object>, List<Object>> expectedRows = new HashMap<>();
    expected.forEach(
        (key, counts) ->
            expectedRows.put(
                key,
                List.of(
                    counts.get(0),
                    counts.get(1),
                    counts.get(2),
                    key.get(1) != null && !knownBefore.contains(List.of(key.get(0), key.get(1))))));
    assertThat(actual).isEqualTo(expectedRows);
    assertThat(actual)
        .as("root signs in from the US after midnight, the first time from there")
        .containsEntry(Arrays.asList("root", "US", "Milton"), List.of(1L, 0L, 0L, true));
  }

  @Test
  void securityGroupChangesShowTheRuleNicholasOpenedToTheWorld() throws Exception {
    Set<String> changes =
        Set.of(
            "AuthorizeSecurityGroupIngress",
            "AuthorizeSecurityGroupEgress",
            "RevokeSecurityGroupIngress",
            "RevokeSecurityGroupEgress",
            "CreateSecurityGroup",
            "DeleteSecurityGroup",
            "ModifySecurityGroupRules");

    List<List<Object>> rows = run("security_group_changes", FIRST_DAY, LAST_DAY);

    assertThat(sortedByTime(rows))
        .containsExactlyElementsOf(
            expected(
                r -> "ec2.amazonaws.com".equals(r.eventSource()) && changes.contains(r.eventName()),
                r ->
                    Arrays.asList(
                        r.time(),
                        r.eventName(),
                        r.userName(),
                        r.text("sourceIPAddress"),
                        country(r),
                        r.text("awsRegion"),
                        r.text("requestParameters", "groupId"),
                        r.text("requestParameters", "groupName"),
                        firstPermission(r, "ipProtocol"),
                        firstPermission(r, "fromPort"),
                        firstPermission(r, "toPort"),
                        addressRanges(r),
                        r.text("errorCode"))));
    Record opened = record(Investigation.id("nicholas-ssh"));
    assertThat(rows)
        .anySatisfy(
            row ->
                assertThat(row)
                    .containsExactly(
                        Investigation.webServerStopped(SampleRun.START, SampleRun.DURATION)
                            .plus(Duration.ofMinutes(2)),
                        "AuthorizeSecurityGroupIngress",
                        "nicholas",
                        SyntheticTrail.NICHOLAS_IP,
                        "GB",
                        opened.text("awsRegion"),
                        Investigation.SECURITY_GROUP,
                        null,
                        "tcp",
                        "22",
                        "22",
                        List.of("0.0.0.0/0"),
                        null));
  }

  @Test
  void rootAccountUsageListsEverythingDoneAsRoot() throws Exception {
    List<List<Object>> rows = run("root_account_usage", FIRST_DAY, LAST_DAY);

    assertThat(
            sortedByTime(
                rows.stream()
                    .map(
                        row ->
                            Arrays.<Object>asList(
                                row.get(0), row.get(1), row.get(3), row.get(4), row.get(5)))
                    .toList()))
        .containsExactlyElementsOf(
            expected(
                r -> "Root".equals(r.identityType()),
                r ->
                    Arrays.asList(
                        r.time(),
                        r.accountId(),
                        r.eventName(),
                        r.text("sourceIPAddress"),
                        country(r))));
    assertThat(rows)
        .anySatisfy(
            row ->
                assertThat(Arrays.asList(row.get(3), row.get(4), row.get(5)))
                    .containsExactly("ConsoleLogin", Investigation.ROOT_IP, "US"));
  }

  @Test
  void recurringErrorsAreTheSameErrorInSeveralHours() throws Exception {
    Map<List<Object>, Set<Instant>> hours = new HashMap<>();
    Map<List<Object>, Long> counts = new HashMap<>();
    for (Record r : sample.records) {
      if (r.isError()) {
        List<Object> key =
            List.of(r.principal(), r.eventSource(), r.eventName(), r.text("errorCode"));
        hours
            .computeIfAbsent(key, k -> new HashSet<>())
            .add(r.time().truncatedTo(ChronoUnit.HOURS));
        counts.merge(key, 1L, Long::sum);
      }
    }
    Map<List<Object>, List<Long>> expected = new HashMap<>();
    hours.forEach(
        (key, seen) -> {
          if (seen.size() > 1) {
            expected.put(key, List.of(counts.get(key), (long) seen.size()));
          }
        });

    Map<List<Object>, List<Long>> actual = new HashMap<>();
    for (List<Object> row : run("recurring_errors", FIRST_DAY, LAST_DAY)) {
      actual.put(row.subList(0, 4), List.of((Long) row.get(4), (Long) row.get(5)));
    }

    assertThat(expected).isNotEmpty();
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void mostActivePrincipalsAreTheTopTwentyByEvents() throws Exception {
    Map<List<Object>, long[]> counts = new TreeMap<>(comparing(Object::toString));
    for (Record r : sample.records) {
      long[] c = counts.computeIfAbsent(List.of(r.accountId(), r.principal()), k -> new long[2]);
      c[0]++;
      c[1] += r.isError() ? 1 : 0;
    }
    List<List<Object>> expected =
        counts.entrySet().stream()
            .map(
                e ->
                    List.<Object>of(
                        e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1]))
            .sorted(
                comparing((List<Object> row) -> -(long) row.get(2))
                    .thenComparing(row -> (String) row.get(0))
                    .thenComparing(row -> (String) row.get(1)))
            .limit(20)
            .toList();

    List<List<Object>> rows = run("most_active_principals", FIRST_DAY, LAST_DAY);

    assertThat(
            rows.stream().map(row -> Arrays.asList(row.get(0), row.get(1), row.get(4), row.get(5))))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void s3ActivityShowsBucketsAndObjects() throws Exception {
    List<List<Object>> rows = run("s3_bucket_activity", FIRST_DAY, LAST_DAY);

    assertThat(
            rows.stream()
                .map(
                    row ->
                        Arrays.asList(row.get(0), row.get(1), row.get(3), row.get(5), row.get(6))))
        .containsExactlyInAnyOrderElementsOf(
            expected(
                r ->
                    "s3.amazonaws.com".equals(r.eventSource())
                        && (Set.of("CreateBucket", "DeleteBucket").contains(r.eventName())
                            || "Data".equals(r.text("eventCategory"))),
                r ->
                    Arrays.asList(
                        r.time(),
                        r.eventName(),
                        r.userName(),
                        r.text("requestParameters", "bucketName"),
                        r.text("requestParameters", "key"))));
    assertThat(rows.stream().map(row -> row.get(1))).contains("CreateBucket", "GetObject");
  }

  @Test
  void unusualApiActivityJoinsEachInsightsStartWithItsEnd() throws Exception {
    List<JsonNode> insights = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sample.bucket)) {
      for (Path file :
          files
              .filter(f -> f.toString().contains("/CloudTrail-Insight/"))
              .filter(f -> f.toString().endsWith(".json.gz"))
              .sorted()
              .toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
          new ObjectMapper().readTree(in).get("Records").forEach(insights::add);
        }
      }
    }
    JsonNode start = insights.stream().filter(i -> state(i).equals("Start")).findFirst().get();
    JsonNode end = insights.stream().filter(i -> state(i).equals("End")).findFirst().get();
    JsonNode startStatistics = start.at("/insightDetails/insightContext/statistics");
    JsonNode endStatistics = end.at("/insightDetails/insightContext/statistics");

    assertThat(run("unusual_api_activity", FIRST_DAY, LAST_DAY, FIRST_DAY))
        .containsExactly(
            Arrays.asList(
                Instant.parse(start.get("eventTime").asText()),
                Instant.parse(end.get("eventTime").asText()),
                start.get("recipientAccountId").asText(),
                start.get("awsRegion").asText(),
                start.at("/insightDetails/insightType").asText(),
                start.at("/insightDetails/eventSource").asText(),
                start.at("/insightDetails/eventName").asText(),
                null,
                startStatistics.at("/baseline/average").asDouble(),
                startStatistics.at("/insight/average").asDouble(),
                endStatistics.at("/insight/average").asDouble(),
                endStatistics.get("insightDuration").asLong(),
                Math.round(
                        10
                            * startStatistics.at("/insight/average").asDouble()
                            / startStatistics.at("/baseline/average").asDouble())
                    / 10.0));
  }

  @Test
  void findingsBySeverityCountEachHoursFindingsMostSevereFirst() throws Exception {
    FindingAnswers answers = findingAnswers();

    List<List<Object>> rows = run("findings_by_severity", FIRST_DAY, LAST_DAY);

    assertThat(rows).containsExactlyElementsOf(answers.bySeverity());
    assertThat(rows.stream().map(row -> row.get(2))).contains("high", "medium", "low");
  }

  @Test
  void findingsPerPrincipalPutTheMostSevereFirst() throws Exception {
    FindingAnswers answers = findingAnswers();

    List<List<Object>> rows = run("findings_per_principal", FIRST_DAY, LAST_DAY);

    assertThat(rows).containsExactlyElementsOf(answers.perPrincipal());
    assertThat(rows.get(0).get(4)).as("high or critical findings first").isNotEqualTo(0L);
  }

  @Test
  void personTimelineShowsNicholasSigningInWithoutMfaStoppingTheServerAndOpeningSsh()
      throws Exception {
    FindingAnswers answers = findingAnswers();

    List<List<Object>> rows =
        run("person_timeline", FIRST_DAY, LAST_DAY, FIRST_DAY, LAST_DAY, "nicholas");

    assertThat(sortedByTime(rows))
        .containsExactlyElementsOf(
            answers.timeline(
                sample.records,
                r -> "nicholas".equals(r.userName()),
                r ->
                    Arrays.asList(
                        r.time(),
                        r.eventSource(),
                        r.eventName(),
                        r.text("awsRegion"),
                        r.text("sourceIPAddress"),
                        country(r),
                        r.text("errorCode"))));
    assertThat(rows.stream().map(row -> row.get(2) + ": " + row.get(8)))
        .containsSubsequence(
            "ConsoleLogin: CIS 4.2 Console sign-in without MFA",
            "StopInstances: EC2 instance stopped or terminated from the console",
            "AuthorizeSecurityGroupIngress: CIS 4.10 Security group changed",
            "AuthorizeSecurityGroupIngress: Security group opened to the whole internet");
  }

  @Test
  void instanceTimelineShowsTheWebServerStoppedFromTheConsole() throws Exception {
    FindingAnswers answers = findingAnswers();
    String server = SyntheticTrail.WEB_SERVER;

    List<List<Object>> rows =
        run("instance_timeline", FIRST_DAY, LAST_DAY, FIRST_DAY, LAST_DAY, server, server);

    assertThat(sortedByTime(rows))
        .containsExactlyElementsOf(
            answers.timeline(
                sample.records,
                r ->
                    String.valueOf(r.text("requestParameters")).contains('"' + server + '"')
                        || server.equals(r.sessionName()),
                r ->
                    Arrays.asList(
                        r.time(),
                        r.eventName(),
                        r.userName(),
                        r.sessionName(),
                        r.text("sourceIPAddress"),
                        country(r),
                        r.text("errorCode"))));
    assertThat(rows)
        .anySatisfy(
            row ->
                assertThat(row)
                    .containsExactly(
                        Investigation.webServerStopped(SampleRun.START, SampleRun.DURATION),
                        "StopInstances",
                        "nicholas",
                        null,
                        SyntheticTrail.NICHOLAS_IP,
                        "GB",
                        null,
                        "low",
                        "EC2 instance stopped or terminated from the console"));
  }

  FindingAnswers findingAnswers() throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : query(FindingAnswers.COLUMNS)) {
      List<Object> values = new ArrayList<>();
      for (Object value : row) {
        values.add(normalised(value));
      }
      rows.add(values);
    }
    return new FindingAnswers(rows);
  }

  private static String state(JsonNode insight) {
    return insight.at("/insightDetails/state").asText();
  }

  /** Runs a saved query with its parameters; times come back as instants, numbers as longs. */
  List<List<Object>> run(String query, Object... parameters) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : query(SavedQueries.sql(query), parameters)) {
      List<Object> values = new ArrayList<>();
      for (Object value : row) {
        values.add(normalised(value));
      }
      rows.add(values);
    }
    return rows;
  }

  static Object normalised(Object value) throws SQLException {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (value instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Integer || value instanceof BigInteger || value instanceof BigDecimal) {
      return ((Number) value).longValue();
    }
    if (value instanceof Array array) {
      return Arrays.asList((Object[]) array.getArray());
    }
    return value;
  }

  /**
   * The rows a query must return: the records it selects, in time order as {@link #inTimeOrder}.
   */
  private static List<List<Object>> expected(
      Predicate<Record> selected, Function<Record, List<Object>> row) {
    return inTimeOrder(sample.records.stream().filter(selected).map(row).toList());
  }

  /**
   * Rows whose first column is the event time, checked to be in time order as the query sorts them,
   * with ties (events in the same millisecond, in any order) put in one order for comparison.
   */
  private static List<List<Object>> inTimeOrder(List<List<Object>> rows) {
    Comparator<List<Object>> byTime = comparing(row -> (Instant) row.get(0));
    return rows.stream().sorted(byTime.thenComparing(Object::toString)).toList();
  }

  private static List<List<Object>> sortedByTime(List<List<Object>> rows) {
    assertThat(rows).isSortedAccordingTo(comparing(row -> (Instant) row.get(0)));
    return inTimeOrder(rows);
  }

  static String country(Record r) {
    return place(r).map(p -> p.country().isoCode()).orElse(null);
  }

  static Optional<CityResponse> place(Record r) {
    String ip = r.text("sourceIPAddress");
    if (ip == null || !IP_LITERAL.matcher(ip).matches()) {
      return Optional.empty();
    }
    try {
      return places.tryCity(InetAddress.getByName(ip));
    } catch (Exception e) {
      throw new IllegalStateException(ip, e);
    }
  }

  private static List<Object> addressRanges(Record r) {
    List<Object> ranges = new ArrayList<>();
    for (var permission : r.json().path("requestParameters").path("ipPermissions").path("items")) {
      permission
          .path("ipRanges")
          .path("items")
          .forEach(range -> ranges.add(range.path("cidrIp").asText()));
      permission
          .path("ipv6Ranges")
          .path("items")
          .forEach(range -> ranges.add(range.path("cidrIpv6").asText()));
    }
    return ranges;
  }

  /** A field of the first rule of {@code requestParameters.ipPermissions}, as text. */
  private static String firstPermission(Record r, String field) {
    JsonNode value =
        r.json().path("requestParameters").path("ipPermissions").path("items").path(0).path(field);
    return value.isValueNode() ? value.asText() : null;
  }

  private static Record record(String eventId) {
    return sample.records.stream()
        .filter(r -> eventId.equals(r.text("eventID")))
        .findFirst()
        .orElseThrow();
  }

  private static String day(Record r) {
    return r.time().toString().substring(0, 10);
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  private static List<Long> sum(List<Long> a, List<Long> b) {
    List<Long> sum = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      sum.add(a.get(i) + b.get(i));
    }
    return sum;
  }

  private static List<Object> with(List<Object> key, Object value) {
    List<Object> row = new ArrayList<>(key);
    row.add(value);
    return row;
  }
}
