package com.cloudtrailanalytics.source;

import java.io.Serializable;
import java.time.Duration;

/**
 * How readers read each file.
 *
 * @param maxRecordBytes larger records are rejected instead of parsed
 * @param readInsights whether {@code CloudTrail-Insight/} files are read (else recorded as skipped)
 * @param attempts how many times reading a file is tried when storage keeps failing
 * @param retryDelay the wait before the second try; it doubles before each further one
 */
public record ReadSettings(
    int maxRecordBytes, boolean readInsights, int attempts, Duration retryDelay)
    implements Serializable {

  /** Settings for tests and tools: every kind of file read, retries as configured by default. */
  public static ReadSettings of(int maxRecordBytes) {
    return new ReadSettings(maxRecordBytes, true, 5, Duration.ofSeconds(1));
  }
}
