package com.cloudtrailanalytics.testing;

import com.cloudtrailanalytics.event.TrailFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delivers a trail file later than CloudTrail did: moves it to the name and day folder of a later
 * delivery time, as if CloudTrail had written it then, with the same events inside.
 */
public final class LateDelivery {

  private static final Pattern NAME =
      Pattern.compile("(\\d{12}_CloudTrail_[a-z0-9-]+_)(\\d{8}T\\d{4}Z)(_.*)");
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_FOLDER =
      DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private LateDelivery() {}

  /** Moves {@code file} to its delivery time plus {@code delay}; returns where it is now. */
  public static Path delay(Path file, Duration delay) throws IOException {
    Matcher name = NAME.matcher(file.getFileName().toString());
    if (!name.matches()) {
      throw new IllegalArgumentException("not a CloudTrail log file name: " + file);
    }
    Instant delivered = Instant.ofEpochMilli(TrailFile.of(file.toString()).timeMillis());
    Instant late = delivered.plus(delay);
    Path regionFolder = file.getParent().getParent().getParent().getParent();
    Path moved =
        regionFolder
            .resolve(DAY_FOLDER.format(late))
            .resolve(name.group(1) + NAME_TIME.format(late) + name.group(3));
    Files.createDirectories(moved.getParent());
    return Files.move(file, moved);
  }
}
