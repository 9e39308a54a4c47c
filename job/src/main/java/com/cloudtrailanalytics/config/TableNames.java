package com.cloudtrailanalytics.config;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The names of the job's output tables, spelled here only. Each is also the name of its folder
 * under the output and of its SQL files ({@code sql/flink/NN_<name>.sql}, {@code
 * sql/athena/NN_<name>.sql}), which a test holds to this list.
 */
public final class TableNames {

  public static final String USER_ACTIVITY = "user_activity";
  public static final String REGION_ACTIVITY = "region_activity";
  public static final String CONSOLE_LOGINS = "console_logins";
  public static final String CONSOLE_LOGIN_SUMMARY = "console_login_summary";
  public static final String EVENTS = "events";
  public static final String INSIGHT_EVENTS = "insight_events";
  public static final String FINDINGS = "findings";
  public static final String LATE_EVENTS = "late_events";
  public static final String REJECTS = "rejects";
  public static final String SOURCE_FILES = "source_files";

  /** The tables {@code --tables} chooses from, all chosen by default. */
  public static final List<String> CHOOSABLE =
      List.of(
          USER_ACTIVITY,
          REGION_ACTIVITY,
          CONSOLE_LOGINS,
          CONSOLE_LOGIN_SUMMARY,
          EVENTS,
          INSIGHT_EVENTS,
          FINDINGS);

  /** Written whatever {@code --tables} says: together they account for every record read. */
  public static final Set<String> ALWAYS_WRITTEN = Set.of(LATE_EVENTS, REJECTS, SOURCE_FILES);

  /** Every table the job writes: the chosen ones and those always written. */
  public static final List<String> ALL =
      Stream.concat(CHOOSABLE.stream(), ALWAYS_WRITTEN.stream().sorted()).toList();

  /** The tables that count every event read in windows, per user and per region. */
  public static final List<String> ACTIVITY = List.of(USER_ACTIVITY, REGION_ACTIVITY);

  /**
   * The partition folders of a table, outermost first, as its {@code PARTITIONED BY} in sql/flink
   * and sql/athena says (a test holds them together): {@code dt} alone for the tables about files,
   * whose hour is not a file's; {@code dt} and {@code hr} for the others.
   */
  public static List<String> partitionColumns(String table) {
    return table.equals(REJECTS) || table.equals(SOURCE_FILES)
        ? List.of("dt")
        : List.of("dt", "hr");
  }

  private TableNames() {}
}
