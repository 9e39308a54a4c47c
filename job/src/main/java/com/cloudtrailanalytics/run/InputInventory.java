package com.cloudtrailanalytics.run;

import com.cloudtrailanalytics.event.TrailFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Every file under the input, listed again after a bounded run, independently of the job's own
 * discovery, and compared with {@code source_files}: each file present when the run started must
 * have its row there, as read, rejected or skipped, or lie in a folder that has one. A file that
 * has none was listed by no one, or listed and never read: either way it would have disappeared
 * without a trace.
 *
 * <p>Not counted: digest folders (never read), day folders before the run's first day, and files
 * that arrived after the run started.
 */
public final class InputInventory {

  /** Examples of files without a row that the summary names. */
  static final int EXAMPLES = 5;

  /**
   * What the listing found.
   *
   * @param files files that must have a row in {@code source_files}
   * @param withoutRow how many of them have none
   * @param examples some of those, by path
   * @param arrivedDuringRun files newer than the run, which it may or may not have read
   */
  public record Result(long files, long withoutRow, List<String> examples, long arrivedDuringRun) {

    public boolean complete() {
      return withoutRow == 0;
    }
  }

  private final Set<String> recorded;
  private final LocalDate firstDay;
  private final long startedAtMillis;
  private final List<String> examples = new ArrayList<>();
  private long files;
  private long withoutRow;
  private long arrivedDuringRun;

  private InputInventory(Set<String> recorded, LocalDate firstDay, Instant startedAt) {
    this.recorded = recorded;
    this.firstDay = firstDay;
    this.startedAtMillis = startedAt.toEpochMilli();
  }

  /**
   * Lists {@code input} and checks every file against {@code recorded}, the {@code source_file}
   * values of {@code source_files} (a folder's ends with a slash).
   *
   * @param firstDay the run's {@code --start-date}, or null
   */
  public static Result take(
      String input, Set<String> recorded, LocalDate firstDay, Instant startedAt)
      throws IOException {
    InputInventory inventory = new InputInventory(recorded, firstDay, startedAt);
    Path root = new Path(input);
    inventory.walk(root.getFileSystem(), root);
    return new Result(
        inventory.files,
        inventory.withoutRow,
        List.copyOf(inventory.examples),
        inventory.arrivedDuringRun);
  }

  private void walk(FileSystem fileSystem, Path folder) throws IOException {
    FileStatus[] entries;
    try {
      entries = fileSystem.listStatus(folder);
    } catch (FileNotFoundException e) {
      return;
    }
    if (entries == null) {
      return;
    }
    for (FileStatus entry : entries) {
      Path path = entry.getPath();
      if (entry.isDir()) {
        if (!recorded.contains(path + "/") && !skipped(path)) {
          walk(fileSystem, path);
        }
      } else if (entry.getModificationTime() >= startedAtMillis) {
        arrivedDuringRun++;
      } else {
        files++;
        if (!recorded.contains(path.toString())) {
          withoutRow++;
          if (examples.size() < EXAMPLES) {
            examples.add(path.toString());
          }
        }
      }
    }
  }

  /** Digest folders, and year, month and day folders that end before the run's first day. */
  private boolean skipped(Path folder) {
    String path = folder.getPath();
    if (folder.getName().equals(TrailFile.DIGEST_FOLDER)) {
      return true;
    }
    LocalDate last = TrailFile.lastDayOfDateFolder(path);
    return firstDay != null && last != null && last.isBefore(firstDay);
  }
}
