package com.cloudtrailanalytics.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A trail that keeps being delivered: every interval, one log file per account and region with the
 * events of the interval just past, named for now, as CloudTrail delivers. Each file is written
 * beside the trail and then moved into it, so that no reader or uploader sees half a file.
 */
public final class LiveTrail {

  private final List<String> accounts;
  private final List<String> regions;
  private final long eventsPerHour;
  private final Random random;
  private final EventMaker events;
  private final TrailWriter staging;
  private final Path stagingBucket;
  private final Path bucket;

  public LiveTrail(SyntheticTrail.Settings settings, Path bucket) {
    this.random = new Random(settings.seed());
    this.accounts = SyntheticTrail.accountIds(settings.accounts(), random);
    this.regions = Catalogue.REGIONS.subList(0, settings.regions());
    this.eventsPerHour = Math.max(1, settings.events() / settings.hours());
    this.events = new EventMaker(random);
    this.bucket = bucket;
    this.stagingBucket = bucket.resolveSibling(bucket.getFileName() + ".staging");
    this.staging = new TrailWriter(stagingBucket, settings.organizationId(), settings.seed());
  }

  /** Writes the files of {@code [from, to)}, delivered at {@code to}; returns how many events. */
  public long deliver(Instant from, Instant to) throws IOException {
    long perFile =
        Math.max(
            1,
            Math.round(
                eventsPerHour
                    * (double) Duration.between(from, to).toMillis()
                    / Duration.ofHours(1).toMillis()
                    / (accounts.size() * regions.size())));
    long written = 0;
    for (String account : accounts) {
      for (String region : regions) {
        List<ObjectNode> file = new ArrayList<>();
        for (long i = 0; i < perFile; i++) {
          long offset = (long) (random.nextDouble() * Duration.between(from, to).toMillis());
          file.add(events.make(account, region, from.plusMillis(offset)));
        }
        file.sort(Comparator.comparing(event -> event.get("eventTime").asText()));
        Path staged = staging.writeLogFile(account, region, to, file);
        Path target = bucket.resolve(stagingBucket.relativize(staged));
        Files.createDirectories(target.getParent());
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        written += file.size();
      }
    }
    return written;
  }

  /** Delivers the files of each interval from {@code from} on, at its end, until interrupted. */
  public void follow(Instant from, Duration interval, Clock clock, PrintStream out)
      throws IOException, InterruptedException {
    Instant next = from;
    while (!Thread.currentThread().isInterrupted()) {
      Instant due = next.plus(interval);
      Thread.sleep(Math.max(0, Duration.between(clock.instant(), due).toMillis()));
      long written = deliver(next, due);
      out.printf("Delivered %,d events for %s to %s%n", written, next, due);
      next = due;
    }
  }
}
