package com.cloudtrailanalytics.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a realistic synthetic trail: several accounts and regions, roles, users and services
 * calling AWS with occasional errors, console sign-ins, data events, digest files, and files
 * delivered a few minutes after their events, like CloudTrail's. It also plays the classic
 * investigation: IAM user {@code nicholas} signs in from London and stops the web server.
 *
 * <p>The same settings and seed always write the same trail.
 */
public final class SyntheticTrail {

  /** The account of the scripted investigation. */
  public static final String MAIN_ACCOUNT = "123456789012";

  public static final String WEB_SERVER = "i-0webserver0000001";
  public static final String NICHOLAS_IP = "81.2.69.142";

  static final Duration SLOT = Duration.ofMinutes(5);
  private static final double CARRIED_TO_NEXT_FILE = 0.1;

  /** What to generate. */
  public record Settings(
      int accounts,
      int regions,
      int hours,
      long events,
      long seed,
      Instant start,
      String organizationId) {

    public Settings {
      if (accounts < 1
          || regions < 1
          || regions > Catalogue.REGIONS.size()
          || hours < 1
          || events < 0) {
        throw new IllegalArgumentException(
            "need accounts >= 1, 1 <= regions <= "
                + Catalogue.REGIONS.size()
                + ", hours >= 1, events >= 0");
      }
    }

    public Duration duration() {
      return Duration.ofHours(hours);
    }
  }

  /** What was written. */
  public record Result(long events, int logFiles, int digestFiles) {}

  private final Settings settings;
  private final Random random;
  private final List<String> accounts;
  private final List<String> regions;
  private final EventMaker events;

  public SyntheticTrail(Settings settings) {
    this.settings = settings;
    this.random = new Random(settings.seed());
    this.accounts = accountIds(settings.accounts(), random);
    this.regions = Catalogue.REGIONS.subList(0, settings.regions());
    this.events = new EventMaker(random);
  }

  public Result writeTo(Path bucket) throws IOException {
    TrailWriter writer = new TrailWriter(bucket, settings.organizationId(), settings.seed());
    int slots = (int) (settings.duration().toMinutes() / SLOT.toMinutes());
    int streams = accounts.size() * regions.size();
    int[][] counts = distribute(slots, streams);
    List<List<ObjectNode>> carried = new ArrayList<>();
    for (int stream = 0; stream < streams; stream++) {
      carried.add(new ArrayList<>());
    }
    List<ScriptedEvent> script =
        Investigation.script(settings.start(), settings.duration(), regions.get(0));
    long written = 0;
    int logFiles = 0;
    int digestFiles = 0;
    for (int slot = 0; slot <= slots; slot++) {
      Instant slotStart = settings.start().plus(SLOT.multipliedBy(slot));
      for (int stream = 0; stream < streams; stream++) {
        String account = accounts.get(stream / regions.size());
        String region = regions.get(stream % regions.size());
        List<ObjectNode> file = new ArrayList<>(carried.get(stream));
        carried.get(stream).clear();
        if (slot < slots) {
          List<ObjectNode> made = new ArrayList<>();
          for (int i = 0; i < counts[slot][stream]; i++) {
            Instant at = slotStart.plusMillis((long) (random.nextDouble() * SLOT.toMillis()));
            made.add(events.make(account, region, at));
          }
          if (account.equals(MAIN_ACCOUNT)) {
            script.stream()
                .filter(
                    s ->
                        s.region().equals(region)
                            && !s.at().isBefore(slotStart)
                            && s.at().isBefore(slotStart.plus(SLOT)))
                .forEach(s -> made.add(s.record()));
          }
          for (ObjectNode event : made) {
            (random.nextDouble() < CARRIED_TO_NEXT_FILE ? carried.get(stream) : file).add(event);
          }
        }
        if (file.isEmpty()) {
          continue;
        }
        file.sort(Comparator.comparing(event -> event.get("eventTime").asText()));
        Instant deliveredAt = slotStart.plus(SLOT).plusSeconds(60 + random.nextInt(180));
        writer.writeLogFile(account, region, deliveredAt, file);
        written += file.size();
        logFiles++;
        if (slot % 12 == 0) {
          writer.writeDigestFile(account, region, deliveredAt);
          digestFiles++;
        }
      }
    }
    return new Result(written, logFiles, digestFiles);
  }

  /** How many background events each slot of each account and region gets. */
  private int[][] distribute(int slots, int streams) {
    double[] weights = new double[streams];
    double total = 0;
    for (int stream = 0; stream < streams; stream++) {
      // the first region of each account is the busiest, as us-east-1 usually is
      weights[stream] = 1.0 / (1 + stream % regions.size());
      total += weights[stream];
    }
    int[][] counts = new int[slots][streams];
    for (long i = 0; i < settings.events(); i++) {
      double pick = random.nextDouble() * total;
      int stream = 0;
      while (stream < streams - 1 && (pick -= weights[stream]) > 0) {
        stream++;
      }
      counts[random.nextInt(slots)][stream]++;
    }
    return counts;
  }

  static List<String> accountIds(int count, Random random) {
    List<String> ids = new ArrayList<>(List.of(MAIN_ACCOUNT));
    while (ids.size() < count) {
      String id = String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** A deterministic event id, so that the same seed writes the same trail. */
  static String eventId(Random random) {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }
}
