package com.cloudtrailanalytics.format;

import com.cloudtrailanalytics.event.FileReport;
import com.cloudtrailanalytics.event.FileSkip;
import com.cloudtrailanalytics.event.Reject;
import com.cloudtrailanalytics.event.RejectReason;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.event.TrailItem;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one trail file as a sequence of items: its events and rejected records in file order, then
 * a {@link FileReport}. Bad data ends in a reject, never in an exception; only storage errors are
 * thrown, so that Flink retries them.
 *
 * <p>The sequence is the same every time a file is read, which is what lets a restored reader skip
 * the items it had already emitted.
 */
public final class TrailFileItems implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TrailFileItems.class);
  private static final int GZIP_BUFFER_BYTES = 64 * 1024;
  private static final int MAX_RAW_TEXT_BYTES = 4 * 1024;
  private static final CloudTrailEventParser EVENTS = new CloudTrailEventParser();
  private static final InsightEventParser INSIGHTS = new InsightEventParser();

  private final TrailFile file;
  private final long fileSize;
  private final int maxRecordBytes;
  private final boolean readInsights;
  private final FileSkip listedSkip;
  private final Storage storage;
  private final ArrayDeque<TrailItem> pending = new ArrayDeque<>(2);
  private final Map<RejectReason, Long> rejectedByReason = new EnumMap<>(RejectReason.class);

  private InputStream stream;
  private RecordsArrayScanner scanner;
  private long events;
  private long rejectedRecords;
  private boolean finished;

  /**
   * @param readInsights whether Insights files are read (else skipped, like digests)
   * @param listedSkip why discovery handed over an entry it did not understand, or null for a file
   *     to read
   */
  public TrailFileItems(
      TrailFile file,
      long fileSize,
      int maxRecordBytes,
      boolean readInsights,
      FileSkip listedSkip) {
    this(file, fileSize, maxRecordBytes, readInsights, listedSkip, Storage.FLINK);
  }

  public TrailFileItems(
      TrailFile file,
      long fileSize,
      int maxRecordBytes,
      boolean readInsights,
      FileSkip listedSkip,
      Storage storage) {
    this.file = file;
    this.fileSize = fileSize;
    this.maxRecordBytes = maxRecordBytes;
    this.readInsights = readInsights;
    this.listedSkip = listedSkip;
    this.storage = storage;
  }

  /** Where a file's bytes come from: Flink's file systems, or a test's. */
  @FunctionalInterface
  public interface Storage {
    Storage FLINK = path -> path.getFileSystem().open(path);

    InputStream open(Path path) throws IOException;
  }

  /** A file to read, as a reader that writes every table reads it. */
  public TrailFileItems(TrailFile file, long fileSize, int maxRecordBytes) {
    this(file, fileSize, maxRecordBytes, true, null);
  }

  /** The next item, or null after the file's report. */
  public TrailItem next() throws IOException {
    if (!pending.isEmpty()) {
      return pending.poll();
    }
    if (finished) {
      return null;
    }
    try {
      if (scanner == null && !open()) {
        return pending.poll();
      }
      if (!scanner.next()) {
        finishRead();
        return pending.poll();
      }
      return currentRecord();
    } catch (MalformedFileException e) {
      finishRejected(e.reason(), e.getMessage(), e.position(), e.byteOffset());
    } catch (ZipException e) {
      finishRejected(RejectReason.CORRUPT_GZIP, "not valid gzip data: " + e.getMessage());
    } catch (EOFException e) {
      finishRejected(RejectReason.TRUNCATED, "the compressed data ends early: " + e.getMessage());
    }
    return pending.poll();
  }

  /** Opens the file; returns false when it is not to be read, with its items queued. */
  private boolean open() throws IOException {
    FileSkip skip = listedSkip != null ? listedSkip : skipOfKind();
    if (skip == null && fileSize == 0) {
      skip = new FileSkip(RejectReason.EMPTY_FILE, "the file is empty (0 bytes)");
    }
    if (skip != null) {
      finish(
          Reject.ofFile(file, skip.reason(), skip.detail()),
          FileReport.Status.SKIPPED,
          skip.reason());
      LOG.info("Skipped {}: {}: {}", file.path(), skip.reason().code(), skip.detail());
      return false;
    }
    try {
      Path path = new Path(file.path());
      InputStream raw = storage.open(path);
      stream = raw;
      if (file.isGzipped()) {
        stream = new GZIPInputStream(raw, GZIP_BUFFER_BYTES);
      }
    } catch (FileNotFoundException e) {
      if (String.valueOf(e.getMessage()).contains("Permission denied")) {
        finishRejected(RejectReason.ACCESS_DENIED, "permission denied: " + e.getMessage(), -1, -1);
      } else {
        finishRejected(
            RejectReason.FILE_NOT_FOUND, "the file disappeared after it was listed", -1, -1);
      }
      return false;
    }
    scanner = new RecordsArrayScanner(stream, maxRecordBytes);
    return true;
  }

  private TrailItem currentRecord() {
    long index = scanner.recordIndex();
    if (scanner.recordTooLarge()) {
      return rejectRecord(
          RejectReason.RECORD_TOO_LARGE,
          String.format(
              "the record has %,d bytes, more than the limit of %,d",
              scanner.recordTotalBytes(), maxRecordBytes),
          false);
    }
    if (!scanner.recordIsObject()) {
      return rejectRecord(
          RejectReason.RECORD_NOT_AN_OBJECT, "element " + index + " is not a JSON object", true);
    }
    try {
      TrailItem event =
          file.kind() == TrailFile.Kind.INSIGHT
              ? INSIGHTS.parse(scanner.recordBytes(), scanner.recordLength(), file)
              : EVENTS.parse(scanner.recordBytes(), scanner.recordLength(), file);
      events++;
      return event;
    } catch (RecordRejectedException e) {
      return rejectRecord(e.reason(), e.getMessage(), true);
    }
  }

  private Reject rejectRecord(RejectReason reason, String detail, boolean keepRawText) {
    rejectedRecords++;
    rejectedByReason.merge(reason, 1L, Long::sum);
    String rawText =
        keepRawText && scanner.recordLength() <= MAX_RAW_TEXT_BYTES
            ? Secrets.redactJson(
                new String(
                    scanner.recordBytes(), 0, scanner.recordLength(), StandardCharsets.UTF_8))
            : null;
    return new Reject(file, scanner.recordIndex(), scanner.recordOffset(), reason, detail, rawText);
  }

  private void finishRead() throws IOException {
    if (scanner.recordIndex() < 0) {
      finishRejected(
          RejectReason.EMPTY_RECORDS_ARRAY, "the Records array is empty", 0, scanner.offset());
      return;
    }
    finish(null, FileReport.Status.READ, null);
    if (rejectedRecords > 0) {
      LOG.warn(
          "Rejected {} of {} records of {}: {}",
          rejectedRecords,
          rejectedRecords + events,
          file.path(),
          rejectedByReason.entrySet().stream()
              .map(e -> e.getKey().code() + " x" + e.getValue())
              .collect(Collectors.joining(", ")));
    }
  }

  private void finishRejected(RejectReason reason, String detail) throws IOException {
    if (scanner == null) {
      finishRejected(reason, detail, 0, 0);
    } else {
      finishRejected(reason, detail, scanner.firstUnreadRecord(), scanner.offset());
    }
  }

  private void finishRejected(RejectReason reason, String detail, long position, long offset)
      throws IOException {
    Reject reject = new Reject(file, position, offset, reason, detail, null);
    finish(reject, FileReport.Status.REJECTED, reason);
    LOG.warn(
        "Stopped reading {} at record {}: {}: {} ({} events and {} rejected records before it)",
        file.path(),
        Math.max(position, 0),
        reason.code(),
        detail,
        events,
        rejectedRecords);
  }

  private void finish(Reject reject, FileReport.Status status, RejectReason problem)
      throws IOException {
    if (reject != null) {
      pending.add(reject);
    }
    pending.add(new FileReport(file, status, events, rejectedRecords, problem));
    finished = true;
    close();
  }

  @Override
  public void close() throws IOException {
    if (stream != null) {
      InputStream toClose = stream;
      stream = null;
      toClose.close();
    }
  }

  /** Why a file of this kind is not read, or null when it is. */
  private FileSkip skipOfKind() {
    return switch (file.kind()) {
      case DIGEST ->
          new FileSkip(RejectReason.DIGEST_FILE, "a CloudTrail digest file, not a log file");
      case INSIGHT ->
          readInsights
              ? null
              : new FileSkip(
                  RejectReason.INSIGHT_FILE,
                  "a CloudTrail Insights file; insight_events is not among the tables written");
      case NOT_A_LOG ->
          new FileSkip(
              RejectReason.NOT_A_LOG_FILE,
              "not a CloudTrail log file (expected .json.gz or .json)");
      case LOG -> null;
    };
  }
}
