package com.cloudtrailanalytics.event;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file's path says about it, following CloudTrail's key layout {@code
 * [prefix/]AWSLogs/[org/]<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<random>.json.gz}
 * (and {@code CloudTrail-Insight}, {@code CloudTrail-Digest} beside {@code CloudTrail}). This is
 * the one owner of that layout: it parses its names, and spells the folders and names that the
 * discovery lists and the sample trail writes.
 *
 * @param accountId the account in the key, or null
 * @param region the region in the key, or null
 * @param timeMillis the delivery time in the file name, or null when the name has none
 * @param folderEpochDay the day of the {@code YYYY/MM/DD} folder the file is in, as days since
 *     1970-01-01 (a number, which Flink serializes without Kryo), or null when it is not in one
 */
public record TrailFile(
    String path, Kind kind, String accountId, String region, Long timeMillis, Long folderEpochDay) {

  /** The folder under which CloudTrail writes, at the bucket root or below the trail's prefix. */
  public static final String AWS_LOGS = "AWSLogs";

  /** The folders of one account: log files, Insights events and digests. */
  public static final String LOG_FOLDER = "CloudTrail";

  public static final String INSIGHT_FOLDER = "CloudTrail-Insight";
  public static final String DIGEST_FOLDER = "CloudTrail-Digest";

  /** What kind of object the path names. */
  public enum Kind {
    /** A CloudTrail log file, or any other {@code .json} / {@code .json.gz} file. */
    LOG,
    DIGEST,
    /** A CloudTrail Insights file: Insights events, not API calls. */
    INSIGHT,
    /** Anything else: another extension, a folder marker. */
    NOT_A_LOG
  }

  public static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  public static final Pattern YEAR = Pattern.compile("\\d{4}");
  public static final Pattern MONTH_OR_DAY = Pattern.compile("\\d{2}");

  private static final Pattern FILE_NAME =
      Pattern.compile(
          "(\\d{12})_(CloudTrail(?:-Insight|-Digest)?)_([a-z0-9-]+)_(\\d{8}T\\d{4,6}Z)(?:_.*)?\\.json(?:\\.gz)?");
  private static final Pattern DATE_FOLDER =
      Pattern.compile(
          "/(?:"
              + LOG_FOLDER
              + "|"
              + INSIGHT_FOLDER
              + ")/[^/]+/(\\d{4})(?:/(\\d{2}))?(?:/(\\d{2}))?$");
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT);

  private static final long MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

  public static TrailFile of(String path) {
    String[] segments = path.split("/");
    String name = segments[segments.length - 1];
    Folders folders = Folders.of(segments);
    Kind kind = kind(name, folders.kindFolder());
    Matcher logName = FILE_NAME.matcher(name);
    if (logName.matches()) {
      return new TrailFile(
          path,
          kind,
          logName.group(1),
          logName.group(3),
          parseNameTime(logName.group(4)),
          folders.epochDay());
    }
    return new TrailFile(path, kind, folders.account(), folders.region(), null, folders.epochDay());
  }

  /**
   * The folders of one account's files of one kind: {@code AWSLogs/[org/]<account>/<kind>}, below
   * the bucket or the trail's prefix.
   *
   * @param organizationId for an organization trail ({@code o-...}), else null
   * @param kindFolder {@link #LOG_FOLDER}, {@link #INSIGHT_FOLDER} or {@link #DIGEST_FOLDER}
   */
  public static String accountFolder(String organizationId, String account, String kindFolder) {
    return AWS_LOGS
        + "/"
        + (organizationId == null ? "" : organizationId + "/")
        + account
        + "/"
        + kindFolder;
  }

  /** A day's folders below a region's folder: {@code YYYY/MM/DD}. */
  public static String dayFolders(LocalDate day) {
    return String.format(
        Locale.ROOT, "%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
  }

  /**
   * A file's name as CloudTrail gives it: {@code
   * <account>_<kind>_<region>_<YYYYMMDDTHHmmZ>_<unique><extension>}.
   */
  public static String fileName(
      String account,
      String kindFolder,
      String region,
      Instant deliveredAt,
      String unique,
      String extension) {
    return account
        + "_"
        + kindFolder
        + "_"
        + region
        + "_"
        + NAME_TIME.format(deliveredAt.atOffset(ZoneOffset.UTC))
        + "_"
        + unique
        + extension;
  }

  /**
   * The last day a year, month or day folder of the layout holds ({@code
   * .../CloudTrail/<region>/YYYY}, {@code .../YYYY/MM}, {@code .../YYYY/MM/DD}), or null when the
   * path is not such a folder.
   */
  public static LocalDate lastDayOfDateFolder(String folderPath) {
    Matcher date = DATE_FOLDER.matcher(folderPath);
    if (!date.find()) {
      return null;
    }
    try {
      int year = Integer.parseInt(date.group(1));
      if (date.group(2) == null) {
        return LocalDate.of(year, 12, 31);
      }
      LocalDate firstOfMonth = LocalDate.of(year, Integer.parseInt(date.group(2)), 1);
      return date.group(3) == null
          ? firstOfMonth.plusMonths(1).minusDays(1)
          : firstOfMonth.withDayOfMonth(Integer.parseInt(date.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  public boolean isGzipped() {
    return path.regionMatches(true, path.length() - 3, ".gz", 0, 3);
  }

  /**
   * The time used to order files: the delivery time in the name, else the start of the day folder
   * the file is in; files with neither come first.
   */
  public long orderingTime() {
    if (timeMillis != null) {
      return timeMillis;
    }
    return folderEpochDay == null ? Long.MIN_VALUE : folderEpochDay * MILLIS_PER_DAY;
  }

  /** The day the file belongs to: of its delivery time, else of its folder; null when neither. */
  public LocalDate day() {
    if (timeMillis != null) {
      return LocalDate.ofInstant(Instant.ofEpochMilli(timeMillis), ZoneOffset.UTC);
    }
    return folderDay();
  }

  /** The day of the {@code YYYY/MM/DD} folder the file is in, or null when it is not in one. */
  public LocalDate folderDay() {
    return folderEpochDay == null ? null : LocalDate.ofEpochDay(folderEpochDay);
  }

  private static Kind kind(String name, String kindFolder) {
    if (DIGEST_FOLDER.equals(kindFolder) || name.contains("_" + DIGEST_FOLDER + "_")) {
      return Kind.DIGEST;
    }
    if (INSIGHT_FOLDER.equals(kindFolder) || name.contains("_" + INSIGHT_FOLDER + "_")) {
      return Kind.INSIGHT;
    }
    String lowerName = name.toLowerCase(Locale.ROOT);
    return lowerName.endsWith(".json") || lowerName.endsWith(".json.gz")
        ? Kind.LOG
        : Kind.NOT_A_LOG;
  }

  private static Long parseNameTime(String text) {
    try {
      return LocalDateTime.parse(text.substring(0, 13) + "Z", NAME_TIME)
          .toInstant(ZoneOffset.UTC)
          .toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The folders of a key below {@code AWSLogs}: {@code [org/]<account>/<kind>/<region>/Y/M/D/}.
   * Whatever is missing is null.
   */
  private record Folders(String account, String kindFolder, String region, LocalDate day) {

    Long epochDay() {
      return day == null ? null : day.toEpochDay();
    }

    static Folders of(String[] segments) {
      int awsLogs = -1;
      for (int i = segments.length - 2; i >= 0 && awsLogs < 0; i--) {
        awsLogs = segments[i].equals(AWS_LOGS) ? i : -1;
      }
      if (awsLogs < 0) {
        return new Folders(null, null, null, null);
      }
      int kindAt = -1;
      for (int i = awsLogs + 2; i <= awsLogs + 3 && i < segments.length - 1 && kindAt < 0; i++) {
        kindAt = isKindFolder(segments[i]) ? i : -1;
      }
      if (kindAt < 0) {
        return new Folders(null, null, null, null);
      }
      String account = segments[kindAt - 1];
      String region = kindAt + 1 < segments.length - 1 ? segments[kindAt + 1] : null;
      LocalDate day =
          kindAt + 5 == segments.length - 1
              ? day(segments[kindAt + 2], segments[kindAt + 3], segments[kindAt + 4])
              : null;
      return new Folders(
          ACCOUNT.matcher(account).matches() ? account : null, segments[kindAt], region, day);
    }

    private static boolean isKindFolder(String name) {
      return name.equals(LOG_FOLDER) || name.equals(INSIGHT_FOLDER) || name.equals(DIGEST_FOLDER);
    }

    private static LocalDate day(String year, String month, String day) {
      if (!YEAR.matcher(year).matches()
          || !MONTH_OR_DAY.matcher(month).matches()
          || !MONTH_OR_DAY.matcher(day).matches()) {
        return null;
      }
      try {
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      } catch (DateTimeException e) {
        return null;
      }
    }
  }
}
