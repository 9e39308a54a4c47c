package com.cloudtrailanalytics.source.discovery;

import static com.cloudtrailanalytics.event.TrailFile.ACCOUNT;
import static com.cloudtrailanalytics.event.TrailFile.AWS_LOGS;
import static com.cloudtrailanalytics.event.TrailFile.DIGEST_FOLDER;
import static com.cloudtrailanalytics.event.TrailFile.INSIGHT_FOLDER;
import static com.cloudtrailanalytics.event.TrailFile.LOG_FOLDER;
import static com.cloudtrailanalytics.event.TrailFile.MONTH_OR_DAY;
import static com.cloudtrailanalytics.event.TrailFile.YEAR;

import com.cloudtrailanalytics.event.RejectReason;
import com.cloudtrailanalytics.event.TrailFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * CloudTrail's key layout, {@code [prefix/]AWSLogs/[org/]<account>/CloudTrail/<region>/YYYY/MM/DD/}
 * (and {@code CloudTrail-Insight/} beside {@code CloudTrail/}), and the listings that walk it:
 * folder by folder, so that finding the trail's accounts and regions costs a few requests per
 * account, however many years of files it holds. Every listing is counted.
 *
 * <p>Whatever a listing shows that the layout does not explain (a folder that is neither an account
 * nor an organization, a file outside the day folders, a folder too deep below the input) is kept
 * as a skipped entry with the reason, for the readers to record: nothing listed disappears.
 */
final class TrailLayout {

  /**
   * How many folders below the input a trail's {@code AWSLogs/} is looked for: at the input's top,
   * or below a key prefix of up to two folders ({@code org-trail/AWSLogs/}, {@code
   * audit/prod/AWSLogs/}).
   */
  static final int PREFIX_DEPTH = 3;

  private final FileSystem fileSystem;
  private final List<FileSourceSplit> unrecognised = new ArrayList<>();
  private long listings;

  TrailLayout(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  /** How many listings this layout has made. */
  long listings() {
    return listings;
  }

  /** The entries listed so far that the layout does not explain, each to be recorded once. */
  List<FileSourceSplit> unrecognised() {
    return unrecognised;
  }

  /**
   * The region folders ({@code .../CloudTrail/<region>} and {@code
   * .../CloudTrail-Insight/<region>}) at or below {@code input}, or an empty list when the input is
   * not laid out like a CloudTrail bucket. A bucket may hold several trails, each under its own key
   * prefix.
   */
  List<String> findStreams(Path input) throws IOException {
    List<String> segments = Arrays.asList(input.getPath().split("/"));
    int awsLogs = segments.lastIndexOf(AWS_LOGS);
    if (awsLogs < 0) {
      return streamsBelowPrefixes(input);
    }
    List<String> below = segments.subList(awsLogs + 1, segments.size());
    if (below.isEmpty()) {
      return accountsOf(input);
    }
    boolean organization = !ACCOUNT.matcher(below.get(0)).matches();
    if (organization && below.size() == 1) {
      return regionsOfAccounts(accountsOfOrganization(input));
    }
    int accountAt = organization ? 1 : 0;
    if (below.size() == accountAt + 1) {
      return regionsOfAccounts(List.of(input));
    }
    boolean readable = isReadKind(below.get(accountAt + 1));
    if (below.size() == accountAt + 2 && readable) {
      return regionsOf(input);
    }
    if (below.size() == accountAt + 3 && readable) {
      return List.of(input.toString());
    }
    return List.of();
  }

  /**
   * The days in {@code [from, until)} for which a stream has a day folder, oldest first, found by
   * listing its year, month and day folders, and skipping the years and months outside the range.
   */
  List<LocalDate> daysWithFolders(String stream, LocalDate from, LocalDate until)
      throws IOException {
    List<LocalDate> days = new ArrayList<>();
    for (Path year : folders(new Path(stream), YEAR, "a year folder (YYYY)")) {
      int y = Integer.parseInt(year.getName());
      if (y < from.getYear() || y > until.getYear()) {
        continue;
      }
      for (Path month : folders(year, MONTH_OR_DAY, "a month folder (MM)")) {
        LocalDate firstOfMonth = date(y, Integer.parseInt(month.getName()), 1);
        if (firstOfMonth == null) {
          skip(month, RejectReason.UNKNOWN_FOLDER, "not a month folder (01 to 12)");
        } else if (firstOfMonth.plusMonths(1).isAfter(from) && firstOfMonth.isBefore(until)) {
          for (Path day : folders(month, MONTH_OR_DAY, "a day folder (DD)")) {
            LocalDate date = date(y, firstOfMonth.getMonthValue(), Integer.parseInt(day.getName()));
            if (date == null) {
              skip(day, RejectReason.UNKNOWN_FOLDER, "not a day of its month");
            } else if (!date.isBefore(from) && date.isBefore(until)) {
              days.add(date);
            }
          }
        }
      }
    }
    days.sort(null);
    return days;
  }

  /** The files of one stream's day folder; none if the folder does not exist. */
  List<FileSourceSplit> filesOfDay(String stream, LocalDate day) throws IOException {
    Path folder = new Path(stream, TrailFile.dayFolders(day));
    List<FileSourceSplit> files = new ArrayList<>();
    for (FileStatus entry : list(folder)) {
      if (entry.isDir()) {
        skip(entry.getPath(), RejectReason.UNKNOWN_FOLDER, "a folder inside a day folder");
      } else {
        files.add(RecursiveListing.split(entry));
      }
    }
    return files;
  }

  /** Looks for {@code AWSLogs/} folders up to {@link #PREFIX_DEPTH} folders below the input. */
  private List<String> streamsBelowPrefixes(Path input) throws IOException {
    List<Path> trails = new ArrayList<>();
    List<FileSourceSplit> outside = new ArrayList<>();
    searchTrails(input, 1, trails, outside);
    if (trails.isEmpty()) {
      return List.of();
    }
    unrecognised.addAll(outside);
    List<String> streams = new ArrayList<>();
    for (Path trail : trails) {
      streams.addAll(accountsOf(trail));
    }
    return streams;
  }

  /**
   * Adds the {@code AWSLogs/} folders among and below {@code folder}'s children to {@code trails},
   * and what is not part of any trail to {@code outside}: a folder searched to the end without
   * finding a trail as one entry. Returns whether every folder below was searched.
   */
  private boolean searchTrails(
      Path folder, int depth, List<Path> trails, List<FileSourceSplit> outside) throws IOException {
    boolean complete = true;
    for (FileStatus entry : list(folder)) {
      Path path = entry.getPath();
      String name = path.getName();
      if (!entry.isDir()) {
        outside.add(skipped(path, RejectReason.MISPLACED_FILE, "a file outside AWSLogs/"));
      } else if (name.equals(AWS_LOGS)) {
        trails.add(path);
      } else if (name.startsWith(".") || name.startsWith("_")) {
        outside.add(skipped(path, RejectReason.UNKNOWN_FOLDER, "a hidden folder; not searched"));
      } else if (depth >= PREFIX_DEPTH) {
        complete = false;
        outside.add(
            skipped(
                path,
                RejectReason.UNKNOWN_FOLDER,
                "not searched: AWSLogs/ is looked for up to "
                    + PREFIX_DEPTH
                    + " folders below the input"));
      } else {
        int found = trails.size();
        List<FileSourceSplit> below = new ArrayList<>();
        boolean searched = searchTrails(path, depth + 1, trails, below);
        complete &= searched;
        if (trails.size() > found || !searched) {
          outside.addAll(below);
        } else {
          outside.add(
              skipped(
                  path,
                  RejectReason.UNKNOWN_FOLDER,
                  "holds no AWSLogs/ folder (looked for up to "
                      + PREFIX_DEPTH
                      + " folders below the input)"));
        }
      }
    }
    return complete;
  }

  /** The region folders of the accounts in an {@code AWSLogs/} folder. */
  private List<String> accountsOf(Path awsLogs) throws IOException {
    List<Path> accounts = new ArrayList<>();
    for (FileStatus entry : list(awsLogs)) {
      Path path = entry.getPath();
      if (!entry.isDir()) {
        skip(path, RejectReason.MISPLACED_FILE, "a file directly in AWSLogs/");
      } else if (ACCOUNT.matcher(path.getName()).matches()) {
        accounts.add(path);
      } else {
        accounts.addAll(accountsOfOrganization(path));
      }
    }
    return regionsOfAccounts(accounts);
  }

  /**
   * The account folders of an organization trail's folder. A folder without any is neither an
   * organization nor an account.
   */
  private List<Path> accountsOfOrganization(Path organization) throws IOException {
    List<Path> accounts = new ArrayList<>();
    List<FileSourceSplit> others = new ArrayList<>();
    for (FileStatus entry : list(organization)) {
      Path path = entry.getPath();
      if (entry.isDir() && ACCOUNT.matcher(path.getName()).matches()) {
        accounts.add(path);
      } else {
        others.add(
            skipped(
                path,
                entry.isDir() ? RejectReason.UNKNOWN_FOLDER : RejectReason.MISPLACED_FILE,
                "not an account folder (12 digits) in an organization trail's folder"));
      }
    }
    if (accounts.isEmpty()) {
      skip(
          organization,
          RejectReason.UNKNOWN_FOLDER,
          "neither an account folder (12 digits) nor an organization folder holding accounts");
    } else {
      unrecognised.addAll(others);
    }
    return accounts;
  }

  private List<String> regionsOfAccounts(List<Path> accounts) throws IOException {
    List<String> streams = new ArrayList<>();
    for (Path account : accounts) {
      for (FileStatus entry : list(account)) {
        Path path = entry.getPath();
        if (entry.isDir() && isReadKind(path.getName())) {
          streams.addAll(regionsOf(path));
        } else if (!(entry.isDir() && path.getName().equals(DIGEST_FOLDER))) {
          skip(
              path,
              entry.isDir() ? RejectReason.UNKNOWN_FOLDER : RejectReason.MISPLACED_FILE,
              "not one of CloudTrail's folders of an account ("
                  + String.join("/, ", LOG_FOLDER, INSIGHT_FOLDER, DIGEST_FOLDER)
                  + "/)");
        }
      }
    }
    return streams;
  }

  /** Every folder in the region position is a region, whatever its name. */
  private List<String> regionsOf(Path kindFolder) throws IOException {
    List<String> regions = new ArrayList<>();
    for (FileStatus entry : list(kindFolder)) {
      if (entry.isDir()) {
        regions.add(entry.getPath().toString());
      } else {
        skip(entry.getPath(), RejectReason.MISPLACED_FILE, "a file where region folders are");
      }
    }
    return regions;
  }

  /** The sub-folders whose names match; anything else in the folder is recorded as skipped. */
  private List<Path> folders(Path folder, Pattern names, String expected) throws IOException {
    List<Path> matching = new ArrayList<>();
    for (FileStatus entry : list(folder)) {
      Path path = entry.getPath();
      if (entry.isDir() && names.matcher(path.getName()).matches()) {
        matching.add(path);
      } else {
        skip(
            path,
            entry.isDir() ? RejectReason.UNKNOWN_FOLDER : RejectReason.MISPLACED_FILE,
            "not " + expected);
      }
    }
    return matching;
  }

  private static boolean isReadKind(String folderName) {
    return folderName.equals(LOG_FOLDER) || folderName.equals(INSIGHT_FOLDER);
  }

  private void skip(Path path, RejectReason reason, String detail) {
    unrecognised.add(skipped(path, reason, detail));
  }

  private static FileSourceSplit skipped(Path path, RejectReason reason, String detail) {
    return TrailSplit.skipped(path, reason, detail);
  }

  private FileStatus[] list(Path folder) throws IOException {
    listings++;
    try {
      FileStatus[] entries = fileSystem.listStatus(folder);
      return entries == null ? new FileStatus[0] : entries;
    } catch (FileNotFoundException e) {
      return new FileStatus[0];
    }
  }

  private static LocalDate date(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
