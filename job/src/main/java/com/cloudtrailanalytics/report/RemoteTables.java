package com.cloudtrailanalytics.report;

import com.cloudtrailanalytics.config.TableNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;

/**
 * Tables in S3 (or any file system Flink knows), copied into a local folder for the report: only
 * the committed files of the days in range, so a report on a week of a large bucket reads a week;
 * but every earlier day of console_logins too, because whether a sign-in's country is new for its
 * user depends on all the sign-ins before it (one small row per sign-in).
 */
public final class RemoteTables {

  private RemoteTables() {}

  /**
   * Copies {@code <location>/<table>/dt=<day>/[hr=<hour>/]<file>} for days from {@code from} to
   * {@code to} (either null for no bound; console_logins from its first day) into {@code local},
   * with the same layout.
   *
   * @return how many files were copied
   */
  public static int copy(String location, String from, String to, Path local) throws IOException {
    org.apache.flink.core.fs.Path root = new org.apache.flink.core.fs.Path(location);
    FileSystem fs = root.getFileSystem();
    int copied = 0;
    for (String table : TableNames.ALL) {
      org.apache.flink.core.fs.Path folder = new org.apache.flink.core.fs.Path(root, table);
      if (!fs.exists(folder)) {
        continue;
      }
      String firstDay = table.equals(TableNames.CONSOLE_LOGINS) ? null : from;
      List<String> inner = TableNames.partitionColumns(table);
      inner = inner.subList(1, inner.size());
      for (FileStatus day : folders(fs, folder, "dt=")) {
        String date = day.getPath().getName().substring("dt=".length());
        if ((firstDay != null && date.compareTo(firstDay) < 0)
            || (to != null && date.compareTo(to) > 0)) {
          continue;
        }
        Path target = local.resolve(table).resolve(day.getPath().getName());
        copied += copyPartition(fs, day.getPath(), inner, target);
      }
    }
    return copied;
  }

  /** Copies a partition's committed files, under its inner partition folders; how many. */
  private static int copyPartition(
      FileSystem fs, org.apache.flink.core.fs.Path partition, List<String> inner, Path target)
      throws IOException {
    int copied = 0;
    if (!inner.isEmpty()) {
      for (FileStatus folder : folders(fs, partition, inner.get(0) + "=")) {
        copied +=
            copyPartition(
                fs,
                folder.getPath(),
                inner.subList(1, inner.size()),
                target.resolve(folder.getPath().getName()));
      }
      return copied;
    }
    for (FileStatus file : fs.listStatus(partition)) {
      String name = file.getPath().getName();
      if (file.isDir() || !TableViews.isCommitted(name)) {
        continue;
      }
      Files.createDirectories(target);
      try (InputStream in = fs.open(file.getPath())) {
        Files.copy(in, target.resolve(name));
      }
      copied++;
    }
    return copied;
  }

  private static List<FileStatus> folders(
      FileSystem fs, org.apache.flink.core.fs.Path parent, String prefix) throws IOException {
    List<FileStatus> folders = new ArrayList<>();
    for (FileStatus status : fs.listStatus(parent)) {
      if (status.isDir() && status.getPath().getName().startsWith(prefix)) {
        folders.add(status);
      }
    }
    return folders;
  }
}
