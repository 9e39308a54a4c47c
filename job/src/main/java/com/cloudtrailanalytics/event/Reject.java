package com.cloudtrailanalytics.event;

/**
 * Input that did not become an event: a skipped file, a file that could not be read to the end, or
 * a single bad record.
 *
 * @param file the file (or the folder) the input came from
 * @param position index of the record in the file's {@code Records} array where the problem was
 *     found (for a file-level problem, the index of the next record that could not be read), or -1
 *     when the file was not opened
 * @param byteOffset offset of the problem in the uncompressed file, or -1 when unknown
 * @param detail what exactly was wrong, for a person reading the rejects table
 * @param rawText the raw record text when it is small, else null
 */
public record Reject(
    TrailFile file,
    long position,
    long byteOffset,
    RejectReason reason,
    String detail,
    String rawText)
    implements TrailItem {

  public static Reject ofFile(TrailFile file, RejectReason reason, String detail) {
    return new Reject(file, -1, -1, reason, detail, null);
  }

  public String sourceFile() {
    return file.path();
  }

  /** The time in the file's name, or null when the name has none. */
  public Long fileTimeMillis() {
    return file.timeMillis();
  }
}
