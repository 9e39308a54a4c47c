package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.FileReport;
import com.cloudtrailanalytics.event.InsightEvent;
import com.cloudtrailanalytics.event.Reject;
import com.cloudtrailanalytics.event.RejectReason;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.event.TrailItem;
import com.cloudtrailanalytics.format.TrailFileItems;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one file's items ({@link TrailFileItems}), surviving storage that fails: a failure to open
 * or read is tried again, from a fresh open that skips the items already produced, after a wait
 * that doubles each time. When storage refuses the file for good (403 Access Denied: a bucket
 * policy or KMS key that covers one account's folder), or keeps failing after the last attempt, the
 * file is given up: a reject with the error as its reason and the file's report, and reading goes
 * on with the next file. One file never stops the job.
 */
final class FileReading implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FileReading.class);

  /** Opens the file from its start. */
  @FunctionalInterface
  interface Opener {
    TrailFileItems open() throws IOException;
  }

  /** Waits between attempts; tests need not wait. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final TrailFile file;
  private final Opener opener;
  private final ReadSettings settings;
  private final Sleeper sleeper;
  private final ArrayDeque<TrailItem> givenUp = new ArrayDeque<>(2);
  private TrailFileItems current;
  private long produced;
  private long replayed;
  private long events;
  private long rejectedRecords;
  private int failures;
  private boolean finished;

  FileReading(TrailFile file, Opener opener, ReadSettings settings, Sleeper sleeper) {
    this.file = file;
    this.opener = opener;
    this.settings = settings;
    this.sleeper = sleeper;
  }

  /** Passes over the items a previous attempt emitted before its checkpoint. */
  void skip(long items) throws IOException {
    while (produced < items && next() != null) {
      // emitted before the checkpoint this reader restarted from
    }
  }

  /** The next item, or null after the file's report. */
  TrailItem next() throws IOException {
    while (true) {
      if (!givenUp.isEmpty() || finished) {
        return givenUp.poll();
      }
      try {
        if (current == null) {
          current = opener.open();
          replayed = 0;
        }
        while (replayed < produced) {
          if (current.next() == null) {
            throw new IOException("the file ended before the items read from it earlier");
          }
          replayed++;
        }
        TrailItem item = current.next();
        if (item != null) {
          produced++;
          replayed++;
          count(item);
        }
        return item;
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        retryOrGiveUp(e);
      }
    }
  }

  private void retryOrGiveUp(IOException error) throws IOException {
    closeCurrent();
    failures++;
    boolean permanent = error instanceof AccessDeniedException;
    if (permanent || failures >= settings.attempts()) {
      giveUp(error, permanent);
      return;
    }
    long delay = settings.retryDelay().toMillis() << Math.min(failures - 1, 20);
    LOG.warn(
        "Could not read {} (attempt {} of {}): {}; trying again in {} ms",
        file.path(),
        failures,
        settings.attempts(),
        error.toString(),
        delay);
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to read " + file.path());
    }
  }

  private void giveUp(IOException error, boolean permanent) {
    RejectReason reason = permanent ? RejectReason.ACCESS_DENIED : RejectReason.READ_FAILED;
    String detail =
        (permanent ? "storage refused the file: " : "reading failed " + failures + " times: ")
            + error;
    long nextRecord = events + rejectedRecords;
    givenUp.add(new Reject(file, nextRecord, -1, reason, detail, null));
    givenUp.add(new FileReport(file, FileReport.Status.REJECTED, events, rejectedRecords, reason));
    finished = true;
    LOG.warn(
        "Gave up reading {} at record {}: {}: {} ({} events and {} rejected records before it)",
        file.path(),
        nextRecord,
        reason.code(),
        detail,
        events,
        rejectedRecords);
  }

  private void count(TrailItem item) {
    if (item instanceof CloudTrailEvent || item instanceof InsightEvent) {
      events++;
    } else if (item instanceof Reject reject
        && reject.reason().scope() == RejectReason.Scope.REJECTED_RECORD) {
      rejectedRecords++;
    } else if (item instanceof FileReport) {
      finished = true;
      closeQuietly();
    }
  }

  private void closeCurrent() {
    closeQuietly();
    current = null;
  }

  private void closeQuietly() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        LOG.debug("Could not close {}", file.path(), e);
      }
    }
  }

  @Override
  public void close() {
    closeCurrent();
  }
}
