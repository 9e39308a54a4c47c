package com.cloudtrailanalytics.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.FileReport;
import com.cloudtrailanalytics.event.Reject;
import com.cloudtrailanalytics.event.RejectReason;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.event.TrailItem;
import com.cloudtrailanalytics.format.TrailFileItems;
import com.cloudtrailanalytics.testing.LogFileBytes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage that fails: retried with waits that double, given up at the last try or on a 403. */
class FileReadingTest {

  private static final ReadSettings FOUR_TRIES =
      new ReadSettings(1 << 20, true, 4, Duration.ofMillis(100));

  @TempDir Path dir;
  private Path file;
  private TrailFile trailFile;
  private final List<Long> waits = new ArrayList<>();

  @BeforeEach
  void aFileOfThreeHundredEvents() throws IOException {
    String[] records = new String[300];
    for (int i = 0; i < records.length; i++) {
      records[i] = LogFileBytes.record("e" + i, "2024-03-01T10:00:00Z");
    }
    file =
        Files.write(
            dir.resolve("111122223333_CloudTrail_us-east-1_20240301T1005Z_a.json.gz"),
            LogFileBytes.gzip(LogFileBytes.records(records)));
    trailFile = TrailFile.of(file.toUri().toString());
  }

  @Test
  void aFileThatFailsPartWayIsReadAgainFromWhereItStopped() throws Exception {
    AtomicInteger opens = new AtomicInteger();
    FileReading reading =
        reading(
            path -> {
              InputStream in = Files.newInputStream(file);
              return opens.incrementAndGet() <= 2 ? failingAfter(in, half()) : in;
            });

    List<TrailItem> items = readAll(reading);

    assertThat(items.stream().filter(CloudTrailEvent.class::isInstance)).hasSize(300);
    assertThat(((CloudTrailEvent) items.get(299)).eventId()).isEqualTo("e299");
    assertThat(items).noneMatch(Reject.class::isInstance);
    assertThat((FileReport) items.get(300))
        .extracting(FileReport::status, FileReport::events)
        .containsExactly(FileReport.Status.READ, 300L);
    assertThat(opens).hasValue(3);
    assertThat(waits).containsExactly(100L, 200L);
  }

  @Test
  void aFileThatKeepsFailingIsRejectedAfterTheLastTry() throws Exception {
    FileReading reading = reading(path -> failingAfter(Files.newInputStream(file), half()));

    List<TrailItem> items = readAll(reading);

    long events = items.stream().filter(CloudTrailEvent.class::isInstance).count();
    assertThat(events).isPositive().isLessThan(300);
    Reject reject = (Reject) items.get(items.size() - 2);
    assertThat(reject.reason()).isEqualTo(RejectReason.READ_FAILED);
    assertThat(reject.position()).isEqualTo(events);
    assertThat(reject.detail())
        .isEqualTo("reading failed 4 times: java.io.IOException: connection reset by the test");
    assertThat((FileReport) items.get(items.size() - 1))
        .extracting(FileReport::status, FileReport::events, FileReport::problem)
        .containsExactly(FileReport.Status.REJECTED, events, RejectReason.READ_FAILED);
    assertThat(waits).containsExactly(100L, 200L, 400L);
  }

  @Test
  void aFileStorageRefusesIsRejectedAtOnce() throws Exception {
    FileReading reading =
        reading(
            path -> {
              throw new AccessDeniedException(path.toString(), null, "403 Access Denied");
            });

    List<TrailItem> items = readAll(reading);

    assertThat(items).hasSize(2);
    assertThat(((Reject) items.get(0)).reason()).isEqualTo(RejectReason.ACCESS_DENIED);
    assertThat(((Reject) items.get(0)).detail())
        .startsWith("storage refused the file: java.nio.file.AccessDeniedException");
    assertThat(((FileReport) items.get(1)).status()).isEqualTo(FileReport.Status.REJECTED);
    assertThat(waits).isEmpty();
  }

  @Test
  void aRestoredReaderSkipsWhatItEmittedAndCountsItInTheReport() throws Exception {
    FileReading reading = reading(path -> Files.newInputStream(file));

    reading.skip(120);
    List<TrailItem> rest = readAll(reading);

    assertThat(((CloudTrailEvent) rest.get(0)).eventId()).isEqualTo("e120");
    assertThat(((FileReport) rest.get(rest.size() - 1)).events()).isEqualTo(300);
  }

  /** Half the compressed file: enough for some events, not for all. */
  private int half() throws IOException {
    return (int) Files.size(file) / 2;
  }

  private FileReading reading(TrailFileItems.Storage storage) {
    return new FileReading(
        trailFile,
        () -> new TrailFileItems(trailFile, Files.size(file), 1 << 20, true, null, storage),
        FOUR_TRIES,
        waits::add);
  }

  private static List<TrailItem> readAll(FileReading reading) throws IOException {
    List<TrailItem> items = new ArrayList<>();
    TrailItem item;
    while ((item = reading.next()) != null) {
      items.add(item);
    }
    reading.close();
    return items;
  }

  /** A stream that fails, as a dropped connection does, once {@code bytes} have been read. */
  private static InputStream failingAfter(InputStream in, int bytes) {
    return new FilterInputStream(in) {
      private int read;

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (read >= bytes) {
          throw new IOException("connection reset by the test");
        }
        int n = super.read(buffer, offset, Math.min(length, bytes - read));
        read += Math.max(n, 0);
        return n;
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }
    };
  }
}
