package com.cloudtrailanalytics.event;

import java.util.Locale;

/**
 * The last item read from every file: what the file held. One row per file in {@code source_files}.
 *
 * @param events records that became events
 * @param rejectedRecords records rejected one by one (the file's other records still count)
 * @param problem the file-level reason when the status is not {@link Status#READ}, else null
 */
public record FileReport(
    TrailFile file, Status status, long events, long rejectedRecords, RejectReason problem)
    implements TrailItem {

  /** How far the file was read. */
  public enum Status {
    /** Read to the end of its {@code Records} array. */
    READ,
    /** A file-level problem stopped reading; the records before it were kept. */
    REJECTED,
    /** Not a CloudTrail log file (a digest, an Insights file, another kind of object). */
    SKIPPED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
