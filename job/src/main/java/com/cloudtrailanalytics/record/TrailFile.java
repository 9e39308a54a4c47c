package com.cloudtrailanalytics.record;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file's path says about it, following CloudTrail's key layout {@code
 * AWSLogs/[o-org/]<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<random>.json.gz}.
 *
 * @param accountId the account in the key, or null
 * @param region the region in the key, or null
 * @param timeMillis the delivery time in the file name, or null when the name has none
 */
public record TrailFile(String path, Kind kind, String accountId, String region, Long timeMillis) {

  /** What kind of object the path names. */
  public enum Kind {
    /** A CloudTrail log file, or any other {@code .json} / {@code .json.gz} file. */
    LOG,
    DIGEST,
    INSIGHT,
    /** Anything else: another extension, a folder marker. */
    NOT_A_LOG
  }

  private static final Pattern LOG_FILE_NAME =
      Pattern.compile(
          "(\\d{12})_CloudTrail_([a-z0-9-]+)_(\\d{8}T\\d{4}Z)_[A-Za-z0-9]+\\.json(?:\\.gz)?");
  private static final Pattern LOG_FOLDER =
      Pattern.compile("(?:^|/)(\\d{12})/CloudTrail/([a-z0-9-]+)/\\d{4}/\\d{2}/\\d{2}/");
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT);

  public static TrailFile of(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (path.contains("/CloudTrail-Digest/") || name.contains("_CloudTrail-Digest_")) {
      return new TrailFile(path, Kind.DIGEST, null, null, null);
    }
    if (path.contains("/CloudTrail-Insight/") || name.contains("_CloudTrail-Insight_")) {
      return new TrailFile(path, Kind.INSIGHT, null, null, null);
    }
    Matcher logName = LOG_FILE_NAME.matcher(name);
    if (logName.matches()) {
      return new TrailFile(
          path, Kind.LOG, logName.group(1), logName.group(2), parseNameTime(logName.group(3)));
    }
    String lowerName = name.toLowerCase(Locale.ROOT);
    if (!lowerName.endsWith(".json") && !lowerName.endsWith(".json.gz")) {
      return new TrailFile(path, Kind.NOT_A_LOG, null, null, null);
    }
    Matcher folder = LOG_FOLDER.matcher(path);
    return folder.find()
        ? new TrailFile(path, Kind.LOG, folder.group(1), folder.group(2), null)
        : new TrailFile(path, Kind.LOG, null, null, null);
  }

  public boolean isGzipped() {
    return path.regionMatches(true, path.length() - 3, ".gz", 0, 3);
  }

  /** The time used to order files; files without a time in their name come first. */
  public long orderingTime() {
    return timeMillis == null ? Long.MIN_VALUE : timeMillis;
  }

  private static Long parseNameTime(String text) {
    try {
      return LocalDateTime.parse(text, NAME_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
