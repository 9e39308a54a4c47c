package com.cloudtrailanalytics.testing;

import com.cloudtrailanalytics.sample.TrailWriter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * Delivers log files into a trail that a running job is listing: each file is written beside the
 * bucket and moved into it in one step, as S3 shows an object only once its upload is complete, so
 * that the job never lists half a file.
 */
public final class DeliveringTrail {

  private final Path bucket;
  private final Path staging;
  private final TrailWriter writer;

  public DeliveringTrail(Path bucket) {
    this.bucket = bucket;
    this.staging = bucket.resolveSibling(bucket.getFileName() + ".staging");
    this.writer = new TrailWriter(staging);
  }

  /** Delivers one log file holding {@code records}; returns its path in the bucket. */
  public Path deliver(
      String account, String region, Instant deliveredAt, List<? extends JsonNode> records)
      throws IOException {
    Path staged = writer.writeLogFile(account, region, deliveredAt, records);
    Path delivered = bucket.resolve(staging.relativize(staged));
    Files.createDirectories(delivered.getParent());
    return Files.move(staged, delivered, StandardCopyOption.ATOMIC_MOVE);
  }
}
