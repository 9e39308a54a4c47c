package com.cloudtrailanalytics.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudtrailanalytics.event.RejectReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsArrayScannerTest {

  @Test
  void handsOutEachRecordsBytes() throws Exception {
    assertThat(records("{\"Records\":[{\"a\":1},{\"b\":\"x\"}]}"))
        .containsExactly("{\"a\":1}", "{\"b\":\"x\"}");
  }

  @Test
  void findsRecordBoundariesPastBracesAndQuotesInsideStrings() throws Exception {
    String tricky = "{\"p\":\"}]{[\\\"\\\\\",\"q\":{\"r\":[1,{\"s\":\"}\"}]}}";
    assertThat(records("{\"Records\":[" + tricky + ",{\"n\":2}]}"))
        .containsExactly(tricky, "{\"n\":2}");
  }

  @Test
  void skipsOtherTopLevelKeysAndWhitespace() throws Exception {
    String file =
        "\n {\n \"version\" : {\"x\":[1,\"]\"]},\n \"Records\" : [\n {\"a\":1} ,\n {\"b\":2}\n ]\n}\n";
    assertThat(records(file)).containsExactly("{\"a\":1}", "{\"b\":2}");
  }

  @Test
  void acceptsAByteOrderMark() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] json = "{\"Records\":[{\"a\":1}]}".getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[bom.length + json.length];
    System.arraycopy(bom, 0, file, 0, 3);
    System.arraycopy(json, 0, file, 3, json.length);
    assertThat(records(new ByteArrayInputStream(file), 1024)).containsExactly("{\"a\":1}");
  }

  @Test
  void readsRecordsSpanningManyChunks() throws Exception {
    String big = "{\"k\":\"" + "x".repeat(200_000) + "\"}";
    assertThat(records("{\"Records\":[" + big + "," + big + "]}")).containsExactly(big, big);
  }

  @Test
  void endsAtAnEmptyArray() throws Exception {
    RecordsArrayScanner scanner = scanner("{\"Records\":[]}", 1024);
    assertThat(scanner.next()).isFalse();
    assertThat(scanner.recordIndex()).isEqualTo(-1);
  }

  @Test
  void keepsOnlyTheStartOfARecordOverTheLimitButMovesPastIt() throws Exception {
    RecordsArrayScanner scanner =
        scanner("{\"Records\":[{\"k\":\"" + "y".repeat(5000) + "\"},{\"a\":1}]}", 1024);
    assertThat(scanner.next()).isTrue();
    assertThat(scanner.recordTooLarge()).isTrue();
    assertThat(scanner.recordLength()).isEqualTo(1024);
    assertThat(scanner.recordTotalBytes()).isEqualTo(5008);
    assertThat(scanner.next()).isTrue();
    assertThat(current(scanner)).isEqualTo("{\"a\":1}");
    assertThat(scanner.recordIndex()).isEqualTo(1);
  }

  @Test
  void handsOutElementsThatAreNotObjectsSoTheyCanBeRejected() throws Exception {
    RecordsArrayScanner scanner =
        scanner("{\"Records\":[12, \"text\", null, [1], {\"a\":1}]}", 1024);
    List<String> elements = new ArrayList<>();
    List<Boolean> objects = new ArrayList<>();
    while (scanner.next()) {
      elements.add(current(scanner));
      objects.add(scanner.recordIsObject());
    }
    assertThat(elements).containsExactly("12", "\"text\"", "null", "[1]", "{\"a\":1}");
    assertThat(objects).containsExactly(false, false, false, false, true);
  }

  @Test
  void tellsWhereEachRecordStarts() throws Exception {
    RecordsArrayScanner scanner = scanner("{\"Records\":[{\"a\":1}, {\"b\":2}]}", 1024);
    scanner.next();
    assertThat(scanner.recordOffset()).isEqualTo(12);
    scanner.next();
    assertThat(scanner.recordOffset()).isEqualTo(21);
  }

  @Test
  void reportsAnEmptyFile() {
    assertProblem("", RejectReason.EMPTY_FILE, "the file is empty", 0);
    assertProblem("  \n ", RejectReason.EMPTY_FILE, "the file holds only whitespace", 0);
  }

  @Test
  void reportsAFileThatIsNotAJsonObject() {
    assertProblem(
        "[{\"a\":1}]",
        RejectReason.NOT_A_JSON_OBJECT,
        "the file does not start with a JSON object but with '['",
        0);
    assertProblem(
        "\u001f\u008b",
        RejectReason.NOT_A_JSON_OBJECT,
        "the file does not start with a JSON object but with byte 0x1F",
        0);
  }

  @Test
  void reportsAnObjectWithoutRecords() {
    assertProblem(
        "{\"digestStartTime\":\"x\",\"logFiles\":[]}",
        RejectReason.NO_RECORDS_ARRAY,
        "the top-level object has no \"Records\" array",
        0);
    assertProblem(
        "{\"Records\":{\"a\":1}}",
        RejectReason.NO_RECORDS_ARRAY,
        "\"Records\" is not an array but starts with '{'",
        0);
  }

  @Test
  void reportsATruncatedFileAndWhichRecordWasCut() throws Exception {
    RecordsArrayScanner scanner = scanner("{\"Records\":[{\"a\":1},{\"b\":\"tru", 1024);
    assertThat(scanner.next()).isTrue();
    assertThatThrownBy(scanner::next)
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.TRUNCATED);
              assertThat(e.getMessage()).isEqualTo("the file ends in the middle of record 1");
              assertThat(e.position()).isEqualTo(1);
            });
  }

  @Test
  void reportsAFileCutBetweenRecords() throws Exception {
    RecordsArrayScanner scanner = scanner("{\"Records\":[{\"a\":1},", 1024);
    scanner.next();
    assertThatThrownBy(scanner::next)
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.TRUNCATED);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "the file ends after record 0, before the end of the \"Records\" array");
              assertThat(e.position()).isEqualTo(1);
            });
  }

  @Test
  void reportsGarbageBetweenRecords() throws Exception {
    RecordsArrayScanner scanner = scanner("{\"Records\":[{\"a\":1} x {\"b\":2}]}", 1024);
    scanner.next();
    assertThatThrownBy(scanner::next)
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED_JSON);
              assertThat(e.getMessage())
                  .isEqualTo("expected ',' or ']' after record 0 but found 'x'");
              assertThat(e.byteOffset()).isEqualTo(20);
            });
  }

  private static void assertProblem(
      String file, RejectReason reason, String detail, long position) {
    assertThatThrownBy(() -> records(file))
        .isInstanceOfSatisfying(
            MalformedFileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).isEqualTo(detail);
              assertThat(e.position()).isEqualTo(position);
            });
  }

  private static List<String> records(String file) throws IOException, MalformedFileException {
    return records(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), 1 << 20);
  }

  private static List<String> records(InputStream in, int maxRecordBytes)
      throws IOException, MalformedFileException {
    RecordsArrayScanner scanner = new RecordsArrayScanner(in, maxRecordBytes);
    List<String> records = new ArrayList<>();
    while (scanner.next()) {
      records.add(current(scanner));
    }
    return records;
  }

  private static RecordsArrayScanner scanner(String file, int maxRecordBytes) {
    return new RecordsArrayScanner(
        new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), maxRecordBytes);
  }

  private static String current(RecordsArrayScanner scanner) {
    return new String(scanner.recordBytes(), 0, scanner.recordLength(), StandardCharsets.UTF_8);
  }
}
