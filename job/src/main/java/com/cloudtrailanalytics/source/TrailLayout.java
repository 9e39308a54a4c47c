package com.cloudtrailanalytics.source;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * CloudTrail's key layout, {@code AWSLogs/[o-org/]<account>/CloudTrail/<region>/YYYY/MM/DD/}, and
 * the listings that walk it: folders only, one level at a time, so that finding the trail's
 * accounts and regions costs a few requests per account, however many years of files it holds.
 * Every listing is counted.
 */
final class TrailLayout {

  private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH_OR_DAY = Pattern.compile("\\d{2}");

  private final FileSystem fileSystem;
  private long listings;

  TrailLayout(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  /** How many listings this layout has made. */
  long listings() {
    return listings;
  }

  /**
   * The region folders ({@code .../CloudTrail/<region>}) at or below {@code input}, or an empty
   * list when the input is not laid out like a CloudTrail bucket.
   */
  List<String> findStreams(Path input) throws IOException {
    String[] segments = input.getPath().split("/");
    int awsLogs = indexOf(segments, "AWSLogs");
    if (awsLogs < 0) {
      List<String> streams = new ArrayList<>();
      for (Path folder : folders(input, "AWSLogs"::equals)) {
        streams.addAll(accountsOf(folder));
      }
      return streams;
    }
    List<String> below = List.of(segments).subList(awsLogs + 1, segments.length);
    if (below.isEmpty()) {
      return accountsOf(input);
    }
    if (ORGANIZATION.matcher(below.get(0)).matches() && below.size() == 1) {
      return regionsOfAccounts(folders(input, ACCOUNT.asMatchPredicate()));
    }
    int accountAt = ORGANIZATION.matcher(below.get(0)).matches() ? 1 : 0;
    if (below.size() == accountAt + 1) {
      return regionsOfAccounts(List.of(input));
    }
    if (below.size() == accountAt + 2 && below.get(accountAt + 1).equals("CloudTrail")) {
      return names(folders(input, REGION.asMatchPredicate()));
    }
    if (below.size() == accountAt + 3 && below.get(accountAt + 1).equals("CloudTrail")) {
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
    for (Path year : folders(new Path(stream), YEAR.asMatchPredicate())) {
      int y = Integer.parseInt(year.getName());
      if (y < from.getYear() || y > until.getYear()) {
        continue;
      }
      for (Path month : folders(year, MONTH_OR_DAY.asMatchPredicate())) {
        int m = Integer.parseInt(month.getName());
        LocalDate firstOfMonth = LocalDate.of(y, Math.max(1, Math.min(12, m)), 1);
        if (firstOfMonth.plusMonths(1).isAfter(from) && firstOfMonth.isBefore(until)) {
          for (Path day : folders(month, MONTH_OR_DAY.asMatchPredicate())) {
            LocalDate date = firstOfMonth.withDayOfMonth(Integer.parseInt(day.getName()));
            if (!date.isBefore(from) && date.isBefore(until)) {
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
  List<FileStatus> filesOfDay(String stream, LocalDate day) throws IOException {
    Path folder =
        new Path(
            stream,
            String.format(
                "%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus entry : list(folder)) {
      String name = entry.getPath().getName();
      if (!entry.isDir() && !name.startsWith(".") && !name.startsWith("_")) {
        files.add(entry);
      }
    }
    return files;
  }

  private List<String> accountsOf(Path awsLogs) throws IOException {
    List<Path> accounts = new ArrayList<>();
    for (Path folder : folders(awsLogs, name -> true)) {
      if (ACCOUNT.matcher(folder.getName()).matches()) {
        accounts.add(folder);
      } else if (ORGANIZATION.matcher(folder.getName()).matches()) {
        accounts.addAll(folders(folder, ACCOUNT.asMatchPredicate()));
      }
    }
    return regionsOfAccounts(accounts);
  }

  private List<String> regionsOfAccounts(List<Path> accounts) throws IOException {
    List<String> streams = new ArrayList<>();
    for (Path account : accounts) {
      for (Path cloudTrail : folders(account, "CloudTrail"::equals)) {
        streams.addAll(names(folders(cloudTrail, REGION.asMatchPredicate())));
      }
    }
    return streams;
  }

  private List<Path> folders(Path folder, Predicate<String> names) throws IOException {
    List<Path> matching = new ArrayList<>();
    for (FileStatus entry : list(folder)) {
      if (entry.isDir() && names.test(entry.getPath().getName())) {
        matching.add(entry.getPath());
      }
    }
    return matching;
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

  private static List<String> names(List<Path> paths) {
    return paths.stream().map(Path::toString).toList();
  }

  private static int indexOf(String[] segments, String name) {
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
