package com.cloudtrailanalytics.format;

import static com.cloudtrailanalytics.testing.LogFileBytes.concat;
import static com.cloudtrailanalytics.testing.LogFileBytes.record;
import static com.cloudtrailanalytics.testing.LogFileBytes.records;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.FileReport;
import com.cloudtrailanalytics.event.Reject;
import com.cloudtrailanalytics.event.RejectReason;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.event.TrailItem;
import com.cloudtrailanalytics.testing.LogFileBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailFileItemsTest {

  private static final String LOG_NAME =
      "111122223333_CloudTrail_us-east-1_20240301T1005Z_abc.json";
  private static final String GOOD_1 = record("e1", "2024-03-01T10:00:01Z");
  private static final String GOOD_2 = record("e2", "2024-03-01T10:00:02Z");

  @TempDir Path dir;

  @Test
  void readsEveryRecordThenReportsTheFile() throws Exception {
    List<TrailItem> items = read(gzip(LOG_NAME + ".gz", records(GOOD_1, GOOD_2)));

    assertThat(items).hasSize(3);
    assertThat(eventIds(items)).containsExactly("e1", "e2");
    assertThat(report(items))
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(FileReport.Status.READ);
              assertThat(r.events()).isEqualTo(2);
              assertThat(r.rejectedRecords()).isZero();
              assertThat(r.problem()).isNull();
              assertThat(r.file().accountId()).isEqualTo("111122223333");
            });
  }

  @Test
  void readsPlainJson() throws Exception {
    assertThat(eventIds(read(plain(LOG_NAME, records(GOOD_1))))).containsExactly("e1");
  }

  @Test
  void rejectsBadRecordsOneByOneAndKeepsTheRest() throws Exception {
    String noTime = "{\"eventID\":\"no-time\"}";
    String badTime = record("bad-time", "31/12/2024");
    String badJson = "{\"eventTime\":\"2024-03-01T10:00:03Z\",\"eventName\":nope}";
    String huge =
        record("huge", "2024-03-01T10:00:04Z")
            .replace("}", ",\"pad\":\"" + "x".repeat(3000) + "\"}");
    List<TrailItem> items =
        read(
            gzip(LOG_NAME + ".gz", records(GOOD_1, noTime, badTime, "42", badJson, huge, GOOD_2)),
            2048);

    assertThat(eventIds(items)).containsExactly("e1", "e2");
    List<Reject> rejects = rejects(items);
    assertThat(rejects)
        .extracting(Reject::reason)
        .containsExactly(
            RejectReason.MISSING_EVENT_TIME,
            RejectReason.INVALID_EVENT_TIME,
            RejectReason.RECORD_NOT_AN_OBJECT,
            RejectReason.INVALID_RECORD_JSON,
            RejectReason.RECORD_TOO_LARGE);
    assertThat(rejects).extracting(Reject::position).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(rejects.get(0).rawText()).isEqualTo(noTime);
    assertThat(rejects.get(4).rawText()).isNull();
    assertThat(rejects.get(4).detail())
        .isEqualTo(
            String.format("the record has %,d bytes, more than the limit of 2,048", huge.length()));
    assertThat(report(items).status()).isEqualTo(FileReport.Status.READ);
    assertThat(report(items).events()).isEqualTo(2);
    assertThat(report(items).rejectedRecords()).isEqualTo(5);
  }

  @Test
  void rejectsARecordWithBytesThatAreNotUtf8() throws Exception {
    byte[] latin1 =
        record("latin1", "2024-03-01T10:00:03Z")
            .replace("}", ",\"userAgent\":\"caf\u00e9\"}")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] file =
        concat(
            ("{\"Records\":[" + GOOD_1 + ",").getBytes(StandardCharsets.UTF_8),
            latin1,
            ("," + GOOD_2 + "]}").getBytes(StandardCharsets.UTF_8));
    List<TrailItem> items = read(gzip(LOG_NAME + ".gz", file));

    assertThat(eventIds(items)).containsExactly("e1", "e2");
    assertThat(rejects(items))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.INVALID_UTF8);
              assertThat(r.position()).isEqualTo(1);
            });
  }

  @Test
  void keepsTheRecordsBeforeTheCutOfATruncatedGzipFile() throws Exception {
    StringBuilder many = new StringBuilder("{\"Records\":[");
    for (int i = 0; i < 2000; i++) {
      many.append(i == 0 ? "" : ",").append(record("e" + i, "2024-03-01T10:00:00Z"));
    }
    byte[] whole = LogFileBytes.gzip(many.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    Path cut = write(LOG_NAME + ".gz", Arrays.copyOf(whole, whole.length / 2));

    List<TrailItem> items = read(cut);

    long events = items.stream().filter(CloudTrailEvent.class::isInstance).count();
    assertThat(events).isBetween(100L, 1999L);
    assertThat(rejects(items))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.TRUNCATED);
              assertThat(r.position()).isEqualTo(events);
            });
    assertThat(report(items).status()).isEqualTo(FileReport.Status.REJECTED);
    assertThat(report(items).events()).isEqualTo(events);
  }

  @Test
  void rejectsAFileThatIsNotGzipDespiteItsName() throws Exception {
    List<TrailItem> items = read(write(LOG_NAME + ".gz", records(GOOD_1)));
    assertThat(rejects(items))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.CORRUPT_GZIP);
              assertThat(r.detail()).isEqualTo("not valid gzip data: Not in GZIP format");
            });
    assertThat(report(items).status()).isEqualTo(FileReport.Status.REJECTED);
  }

  @Test
  void rejectsGzipDataCorruptedInTheMiddle() throws Exception {
    byte[] whole = LogFileBytes.gzip(records(GOOD_1, GOOD_2));
    for (int i = 20; i < whole.length - 20; i++) {
      whole[i] = (byte) 0xFF;
    }
    List<TrailItem> items = read(write(LOG_NAME + ".gz", whole));
    assertThat(rejects(items))
        .singleElement()
        .extracting(Reject::reason)
        .isEqualTo(RejectReason.CORRUPT_GZIP);
  }

  @Test
  void rejectsEmptyFilesAndEmptyRecordArrays() throws Exception {
    assertThat(rejects(read(write(LOG_NAME + ".gz", new byte[0]))))
        .singleElement()
        .extracting(Reject::reason)
        .isEqualTo(RejectReason.EMPTY_FILE);
    List<TrailItem> emptyArray =
        read(gzip(LOG_NAME + ".gz", "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)));
    assertThat(rejects(emptyArray))
        .singleElement()
        .extracting(Reject::reason)
        .isEqualTo(RejectReason.EMPTY_RECORDS_ARRAY);
    assertThat(report(emptyArray).status()).isEqualTo(FileReport.Status.REJECTED);
  }

  @Test
  void rejectsJsonWithoutRecords() throws Exception {
    List<TrailItem> items =
        read(plain("other.json", "{\"logFiles\":[]}".getBytes(StandardCharsets.UTF_8)));
    assertThat(rejects(items))
        .singleElement()
        .extracting(Reject::reason)
        .isEqualTo(RejectReason.NO_RECORDS_ARRAY);
  }

  @Test
  void skipsADigestFileWithoutOpeningIt() throws Exception {
    Path digest =
        Files.createDirectories(dir.resolve("AWSLogs/111122223333/CloudTrail-Digest/us-east-1"))
            .resolve("digest.json.gz");
    List<TrailItem> items = read(digest);
    assertThat(rejects(items))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.DIGEST_FILE);
              assertThat(r.reason().scope()).isEqualTo(RejectReason.Scope.SKIPPED_FILE);
              assertThat(r.detail()).isEqualTo("a CloudTrail digest file, not a log file");
            });
    assertThat(report(items).status()).isEqualTo(FileReport.Status.SKIPPED);
  }

  @Test
  void rejectsAFileThatDisappearedAfterListing() throws Exception {
    List<TrailItem> items = read(dir.resolve(LOG_NAME + ".gz"), 1 << 20, 100);
    assertThat(rejects(items))
        .singleElement()
        .extracting(Reject::reason)
        .isEqualTo(RejectReason.FILE_NOT_FOUND);
  }

  private List<TrailItem> read(Path file) throws IOException {
    return read(file, 1 << 20);
  }

  private List<TrailItem> read(Path file, int maxRecordBytes) throws IOException {
    return read(file, maxRecordBytes, Files.exists(file) ? Files.size(file) : 0);
  }

  private static List<TrailItem> read(Path file, int maxRecordBytes, long size) throws IOException {
    List<TrailItem> items = new ArrayList<>();
    try (TrailFileItems reader =
        new TrailFileItems(TrailFile.of(file.toUri().toString()), size, maxRecordBytes)) {
      TrailItem item;
      while ((item = reader.next()) != null) {
        items.add(item);
      }
    }
    return items;
  }

  private Path gzip(String name, byte[] content) throws IOException {
    return write(name, LogFileBytes.gzip(content));
  }

  private Path plain(String name, byte[] content) throws IOException {
    return write(name, content);
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static List<String> eventIds(List<TrailItem> items) {
    return items.stream()
        .filter(CloudTrailEvent.class::isInstance)
        .map(i -> ((CloudTrailEvent) i).eventId())
        .toList();
  }

  private static List<Reject> rejects(List<TrailItem> items) {
    return items.stream().filter(Reject.class::isInstance).map(Reject.class::cast).toList();
  }

  private static FileReport report(List<TrailItem> items) {
    assertThat(items.get(items.size() - 1)).isInstanceOf(FileReport.class);
    return (FileReport) items.get(items.size() - 1);
  }
}
