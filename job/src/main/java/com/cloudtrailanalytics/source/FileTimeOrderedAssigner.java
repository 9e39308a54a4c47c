package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.record.TrailFile;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

/**
 * Hands out files in the order of the delivery time in their CloudTrail names, whatever order the
 * storage listed them in, so that event time advances smoothly during a backfill. Readers ask for a
 * file when they finish the previous one, so the files being read at any moment are close in time.
 * Ties are broken by path, which makes the order fully determined by the set of files.
 */
public final class FileTimeOrderedAssigner implements FileSplitAssigner {

  private record Pending(long fileTime, String path, FileSourceSplit split) {
    static Pending of(FileSourceSplit split) {
      String path = split.path().toString();
      return new Pending(TrailFile.of(path).orderingTime(), path, split);
    }
  }

  private static final Comparator<Pending> ORDER =
      Comparator.comparingLong(Pending::fileTime).thenComparing(Pending::path);

  private final PriorityQueue<Pending> pending = new PriorityQueue<>(ORDER);

  public FileTimeOrderedAssigner(Collection<FileSourceSplit> initialSplits) {
    addSplits(initialSplits);
  }

  @Override
  public Optional<FileSourceSplit> getNext(String hostname) {
    Pending next = pending.poll();
    return next == null ? Optional.empty() : Optional.of(next.split());
  }

  @Override
  public void addSplits(Collection<FileSourceSplit> splits) {
    for (FileSourceSplit split : splits) {
      pending.add(Pending.of(split));
    }
  }

  @Override
  public Collection<FileSourceSplit> remainingSplits() {
    return pending.stream().sorted(ORDER).map(Pending::split).toList();
  }
}
