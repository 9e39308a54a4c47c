package com.cloudtrailanalytics.source.discovery;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;

/**
 * Discovery that costs the same whatever the trail's history: it lists only the day folders that
 * can still receive files, the days from {@code now - lookback} to today (UTC), for each account
 * and region. Accounts and regions are looked for once every {@code structureInterval}, folder by
 * folder. A new deployment first backfills the days from {@code startDate} (or the earliest day
 * present) that have files, a round at a time, until it reaches those days. Digest folders are
 * never listed; Insights folders are read like log folders. Whatever the listings show that the
 * layout does not explain is handed on as skipped entries, to be recorded.
 *
 * <p>An input that is not laid out like a CloudTrail bucket is listed recursively instead.
 */
public final class LayoutDiscovery implements TrailDiscovery {

  private static final long serialVersionUID = 1L;

  /**
   * A backfill round lists day after day until it has found this many files, so that a sparse
   * history (a file a day) is caught up as fast as listing allows.
   */
  static final int FILES_PER_BACKFILL_ROUND = 1_000;

  private final String input;
  private final LocalDate startDate;
  private final Duration lookback;
  private final Duration structureInterval;

  /**
   * @param startDate the first day to read, or null for the earliest day present
   */
  public LayoutDiscovery(
      String input, LocalDate startDate, Duration lookback, Duration structureInterval) {
    this.input = input;
    this.startDate = startDate;
    this.lookback = lookback;
    this.structureInterval = structureInterval;
  }

  @Override
  public Discovered discover(DiscoveryState state, Instant now) throws IOException {
    Path root = new Path(input);
    TrailLayout layout = new TrailLayout(root.getFileSystem());
    List<String> streams = state.streams();
    long foundAt = state.streamsFoundAtMillis();
    if (foundAt == Long.MIN_VALUE || now.toEpochMilli() - foundAt >= structureInterval.toMillis()) {
      streams = layout.findStreams(root);
      foundAt = now.toEpochMilli();
    }
    if (streams.isEmpty()) {
      List<FileSourceSplit> files = new ArrayList<>();
      long listings = RecursiveListing.collect(root.getFileSystem(), root, files);
      return new Discovered(
          files,
          new DiscoveryState(List.of(), foundAt, List.of(), true),
          layout.listings() + listings,
          Long.MIN_VALUE);
    }
    LocalDate today = day(now);
    LocalDate liveFrom = later(day(now.minus(lookback)), startDate);
    List<LocalDate> backfill =
        state.backfillDays() != null
            ? state.backfillDays()
            : planBackfill(layout, streams, liveFrom);
    List<FileSourceSplit> files = new ArrayList<>();
    int listed = 0;
    while (listed < backfill.size() && files.size() < FILES_PER_BACKFILL_ROUND) {
      files.addAll(filesOfDay(layout, streams, backfill.get(listed++)));
    }
    backfill = List.copyOf(backfill.subList(listed, backfill.size()));
    boolean caughtUp = backfill.isEmpty();
    if (caughtUp) {
      for (LocalDate day = liveFrom; !day.isAfter(today); day = day.plusDays(1)) {
        files.addAll(filesOfDay(layout, streams, day));
      }
    }
    files.addAll(layout.unrecognised());
    return new Discovered(
        files,
        new DiscoveryState(streams, foundAt, backfill, caughtUp),
        layout.listings(),
        liveFrom.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
  }

  /** The days before the live window that have a folder in some stream, oldest first. */
  private List<LocalDate> planBackfill(TrailLayout layout, List<String> streams, LocalDate liveFrom)
      throws IOException {
    LocalDate from = startDate != null ? startDate : LocalDate.MIN;
    TreeSet<LocalDate> days = new TreeSet<>();
    for (String stream : streams) {
      days.addAll(layout.daysWithFolders(stream, from, liveFrom));
    }
    return List.copyOf(days);
  }

  private static List<FileSourceSplit> filesOfDay(
      TrailLayout layout, List<String> streams, LocalDate day) throws IOException {
    List<FileSourceSplit> files = new ArrayList<>();
    for (String stream : streams) {
      files.addAll(layout.filesOfDay(stream, day));
    }
    return files;
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static LocalDate later(LocalDate day, LocalDate other) {
    return other != null && other.isAfter(day) ? other : day;
  }
}
