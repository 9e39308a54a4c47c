package com.cloudtrailanalytics.run;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the newest complete checkpoint under a checkpoint directory, whichever job wrote it. */
public final class Checkpoints {

  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

  private static final String METADATA = "_metadata";

  private Checkpoints() {}

  private record Found(String location, long writtenAt, long number) {}

  /**
   * The newest {@code <dir>/<job id>/chk-<n>} that holds a {@code _metadata} file, which Flink
   * writes last, when the checkpoint is complete.
   */
  public static Optional<String> latest(String checkpointDirectory) throws IOException {
    Path root = new Path(checkpointDirectory);
    FileSystem fileSystem = root.getFileSystem();
    if (!fileSystem.exists(root)) {
      return Optional.empty();
    }
    Found newest = null;
    Comparator<Found> order =
        Comparator.comparingLong(Found::writtenAt).thenComparingLong(Found::number);
    for (FileStatus job : list(fileSystem, root)) {
      if (!job.isDir()) {
        continue;
      }
      for (FileStatus checkpoint : list(fileSystem, job.getPath())) {
        String name = checkpoint.getPath().getName();
        if (!checkpoint.isDir() || !name.matches("chk-\\d+")) {
          continue;
        }
        Path metadata = new Path(checkpoint.getPath(), METADATA);
        if (fileSystem.exists(metadata)) {
          Found found =
              new Found(
                  checkpoint.getPath().toString(),
                  fileSystem.getFileStatus(metadata).getModificationTime(),
                  Long.parseLong(name.substring(4)));
          if (newest == null || order.compare(found, newest) > 0) {
            newest = found;
          }
        }
      }
    }
    return Optional.ofNullable(newest).map(Found::location);
  }

  /**
   * Deletes what finished jobs leave under a checkpoint directory: their folders ({@code <dir>/<job
   * id>/}) and the directory itself when nothing else is left in it. Only the named jobs' folders
   * are touched. Flink's own cleanup of the last checkpoints runs in the background after the job
   * has finished and can still be deleting in a job's folder; while one of the jobs' folders, or
   * the emptied directory, is left, this tries again, for up to two seconds.
   */
  public static void deleteFinished(String checkpointDirectory, Collection<String> jobIds)
      throws IOException {
    Path root = new Path(checkpointDirectory);
    FileSystem fileSystem = root.getFileSystem();
    IOException failure = null;
    for (int attempt = 1; ; attempt++) {
      try {
        if (!deleteOnce(fileSystem, root, jobIds)) {
          return;
        }
        failure = null;
      } catch (IOException e) {
        failure = e;
      }
      if (attempt == 10) {
        break;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    LOG.warn("Could not delete the finished job's checkpoints under {}", root, failure);
  }

  /**
   * Deletes the jobs' folders, and the root if it is then empty; true if one of the folders, or the
   * empty root, is still there.
   */
  private static boolean deleteOnce(FileSystem fileSystem, Path root, Collection<String> jobIds)
      throws IOException {
    for (String jobId : jobIds) {
      Path job = new Path(root, jobId);
      if (fileSystem.exists(job)) {
        fileSystem.delete(job, true);
      }
    }
    if (!fileSystem.exists(root)) {
      return false;
    }
    FileStatus[] left = list(fileSystem, root);
    if (left.length == 0) {
      fileSystem.delete(root, false);
      return fileSystem.exists(root);
    }
    return Arrays.stream(left).anyMatch(entry -> jobIds.contains(entry.getPath().getName()));
  }

  /**
   * The job a checkpoint ({@code <dir>/<job id>/chk-<n>}) belongs to; empty for anything else, such
   * as a savepoint.
   */
  public static Optional<String> jobOf(String checkpoint) {
    Path path = new Path(checkpoint);
    String job = path.getParent() == null ? "" : path.getParent().getName();
    return path.getName().matches("chk-\\d+") && job.matches("[0-9a-f]{32}")
        ? Optional.of(job)
        : Optional.empty();
  }

  private static FileStatus[] list(FileSystem fileSystem, Path folder) throws IOException {
    FileStatus[] entries = fileSystem.listStatus(folder);
    return entries == null ? new FileStatus[0] : entries;
  }
}
