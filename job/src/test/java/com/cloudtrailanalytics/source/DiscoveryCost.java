package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.source.discovery.DiscoveryState;
import com.cloudtrailanalytics.source.discovery.LayoutDiscovery;
import com.cloudtrailanalytics.source.discovery.RecursiveListing;
import com.cloudtrailanalytics.source.discovery.TrailDiscovery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.apache.flink.connector.file.src.FileSourceSplit;

/**
 * Measures discovery as the long-lived job runs it: the real enumerator and discovery against a
 * trail, with one reader that finishes every file it is given at once, until the backfill has
 * caught up; then one more round, whose listings are counted, and the enumerator's checkpoint.
 */
public final class DiscoveryCost {

  /**
   * What it costs to follow one trail, and the files each discovery handed to the reader, in the
   * order it handed them.
   */
  public record Measurement(
      int historyDays,
      long files,
      long layoutListsPerRound,
      int layoutStateBytes,
      long recursiveListsPerRound,
      int recursiveStateBytes,
      List<String> layoutFiles,
      List<String> recursiveFiles) {}

  private record Run(List<String> files, long listsPerRound, int stateBytes) {}

  private DiscoveryCost() {}

  /**
   * @param listRequests LIST requests the S3 server has answered so far
   */
  public static Measurement measure(
      String input, Instant now, int historyDays, LongSupplier listRequests) throws Throwable {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    Run layout =
        run(
            new LayoutDiscovery(input, null, Duration.ofDays(1), Duration.ofHours(1)),
            clock,
            listRequests);
    Run recursive = run(new RecursiveListing(input), clock, listRequests);
    return new Measurement(
        historyDays,
        layout.files().size(),
        layout.listsPerRound(),
        layout.stateBytes(),
        recursive.listsPerRound(),
        recursive.stateBytes(),
        layout.files(),
        recursive.files());
  }

  public static String table(Measurement... rows) {
    StringBuilder table = new StringBuilder();
    table.append(
        "history | files  | LIST/round layout | state layout | LIST/round recursive | state recursive\n");
    for (Measurement row : rows) {
      table.append(
          String.format(
              "%4d d  | %6d | %17d | %9d B  | %20d | %12d B%n",
              row.historyDays(),
              row.files(),
              row.layoutListsPerRound(),
              row.layoutStateBytes(),
              row.recursiveListsPerRound(),
              row.recursiveStateBytes()));
    }
    return table.toString();
  }

  private static Run run(TrailDiscovery discovery, Clock clock, LongSupplier listRequests)
      throws Throwable {
    try (var context = new MockSplitEnumeratorContext<FileSourceSplit>(1)) {
      context.registerReader(new ReaderInfo(0, "localhost"));
      TrailEnumerator enumerator =
          new TrailEnumerator(
              context,
              discovery,
              false,
              Duration.ofMinutes(1),
              Duration.ofSeconds(5),
              clock,
              new FileSchedule(Duration.ofMinutes(15)),
              DiscoveryState.initial(),
              false,
              false);
      enumerator.start();
      enumerator.addReader(0);
      Reader reader = new Reader();
      do {
        round(context);
        reader.readEverything(context, enumerator);
      } while (!enumerator.snapshotState(0).discovery().caughtUp());
      long before = listRequests.getAsLong();
      round(context);
      long listsPerRound = listRequests.getAsLong() - before;
      reader.readEverything(context, enumerator);
      int stateBytes =
          new TrailEnumeratorStateSerializer().serialize(enumerator.snapshotState(1)).length;
      return new Run(reader.finished, listsPerRound, stateBytes);
    }
  }

  /** One monitoring interval: the timer fires and the discovery round runs. */
  private static void round(MockSplitEnumeratorContext<FileSourceSplit> context) throws Throwable {
    context.runPeriodicCallable(0);
    while (!context.getOneTimeCallables().isEmpty()) {
      context.runNextOneTimeCallable();
    }
  }

  /** The one reader: it finishes every file it is given, asking for more, until none is left. */
  private static final class Reader {

    private final List<String> finished = new ArrayList<>();
    private int assignmentsSeen;

    void readEverything(
        MockSplitEnumeratorContext<FileSourceSplit> context, TrailEnumerator enumerator)
        throws Throwable {
      enumerator.handleSplitRequest(0, null);
      while (true) {
        while (!context.getOneTimeCallables().isEmpty()) {
          context.runNextOneTimeCallable();
        }
        List<SplitsAssignment<FileSourceSplit>> assignments = context.getSplitsAssignmentSequence();
        if (assignmentsSeen == assignments.size()) {
          return;
        }
        for (; assignmentsSeen < assignments.size(); assignmentsSeen++) {
          for (FileSourceSplit file : assignments.get(assignmentsSeen).assignment().get(0)) {
            enumerator.handleSourceEvent(0, new FilesFinishedEvent(List.of(file.splitId()), 0));
            finished.add(file.splitId());
          }
        }
        enumerator.handleSplitRequest(0, null);
      }
    }
  }
}
