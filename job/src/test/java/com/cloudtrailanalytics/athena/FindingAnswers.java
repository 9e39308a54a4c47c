package com.cloudtrailanalytics.athena;

import static java.util.Comparator.comparing;

import com.cloudtrailanalytics.testing.TrailRecords.Record;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The answers of the findings' saved queries worked out in Java from the findings table's rows
 * (what the rules found is checked elsewhere; here, what the queries make of it) and, for the
 * timelines, from the trail's records.
 *
 * @param findings rows of {@code SELECT dt, hr, severity, rule_id, rule_title, account_id,
 *     principal, user_name, event_time, event_ids FROM findings}
 */
record FindingAnswers(List<List<Object>> findings) {

  static final String COLUMNS =
      "SELECT dt, hr, severity, rule_id, rule_title, account_id, principal, user_name, event_time,"
          + " event_ids FROM findings";

  private static final List<String> MOST_SEVERE_FIRST =
      List.of("critical", "high", "medium", "low", "informational");

  List<List<Object>> bySeverity() {
    Map<List<Object>, List<List<Object>>> groups =
        group(row -> List.of(row.get(0), row.get(1), row.get(2)));
    return groups.entrySet().stream()
        .map(
            group ->
                List.<Object>of(
                    group.getKey().get(0),
                    group.getKey().get(1),
                    group.getKey().get(2),
                    (long) group.getValue().size(),
                    distinct(group.getValue(), 3),
                    distinct(group.getValue(), 6)))
        .sorted(
            comparing((List<Object> row) -> (String) row.get(0))
                .thenComparing(row -> (String) row.get(1))
                .thenComparing(row -> MOST_SEVERE_FIRST.indexOf((String) row.get(2))))
        .toList();
  }

  List<List<Object>> perPrincipal() {
    Map<List<Object>, List<List<Object>>> groups = group(row -> List.of(row.get(5), row.get(6)));
    return groups.entrySet().stream()
        .map(
            group -> {
              List<List<Object>> rows = group.getValue();
              return Arrays.<Object>asList(
                  group.getKey().get(0),
                  group.getKey().get(1),
                  rows.stream().map(row -> (String) row.get(7)).max(String::compareTo).get(),
                  (long) rows.size(),
                  rows.stream()
                      .filter(row -> Set.of("high", "critical").contains(row.get(2)))
                      .count(),
                  distinct(rows, 3),
                  rows.stream().map(row -> (Instant) row.get(8)).min(Instant::compareTo).get(),
                  rows.stream().map(row -> (Instant) row.get(8)).max(Instant::compareTo).get());
            })
        .sorted(
            comparing((List<Object> row) -> -(long) row.get(4))
                .thenComparing(row -> -(long) row.get(3))
                .thenComparing(row -> (String) row.get(0))
                .thenComparing(row -> (String) row.get(1)))
        .limit(50)
        .toList();
  }

  /**
   * A timeline's rows: each selected record's columns, once per finding on it (severity and rule
   * title last) or once with nulls; in time order, the findings of one event by rule title.
   */
  List<List<Object>> timeline(
      List<Record> records, Predicate<Record> selected, Function<Record, List<Object>> columns) {
    List<List<Object>> rows = new ArrayList<>();
    for (Record r : records) {
      if (!selected.test(r)) {
        continue;
      }
      List<List<Object>> on =
          findings.stream()
              .filter(f -> ((List<?>) f.get(9)).contains(r.text("eventID")))
              .sorted(comparing(f -> (String) f.get(4)))
              .toList();
      if (on.isEmpty()) {
        rows.add(with(columns.apply(r), null, null));
      }
      for (List<Object> finding : on) {
        rows.add(with(columns.apply(r), finding.get(2), finding.get(4)));
      }
    }
    Comparator<List<Object>> byTime = comparing(row -> (Instant) row.get(0));
    return rows.stream().sorted(byTime.thenComparing(Object::toString)).toList();
  }

  private Map<List<Object>, List<List<Object>>> group(Function<List<Object>, List<Object>> key) {
    Map<List<Object>, List<List<Object>>> groups = new TreeMap<>(comparing(Object::toString));
    for (List<Object> row : findings) {
      groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  private static long distinct(List<List<Object>> rows, int column) {
    Set<Object> values = new HashSet<>();
    rows.forEach(row -> values.add(row.get(column)));
    return values.size();
  }

  private static List<Object> with(List<Object> columns, Object severity, Object title) {
    List<Object> row = new ArrayList<>(columns);
    row.add(severity);
    row.add(title);
    return row;
  }
}
