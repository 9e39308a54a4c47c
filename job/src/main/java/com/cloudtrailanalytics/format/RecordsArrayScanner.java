package com.cloudtrailanalytics.format;

import com.cloudtrailanalytics.event.RejectReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks a CloudTrail log file ({@code {"Records":[ ... ]}}) and hands out the raw bytes of each
 * element of its {@code Records} array, one at a time.
 *
 * <p>It knows only JSON's structure (strings, escapes, nesting) and decodes nothing, so it is fast,
 * holds at most one record in memory, and keeps going past a record that is not valid JSON inside:
 * only the file's outer structure has to be intact. Records longer than {@code maxRecordBytes} are
 * scanned past but not kept.
 */
final class RecordsArrayScanner {

  private static final int CHUNK_BYTES = 64 * 1024;
  private static final int MAX_KEY_BYTES = 1024;

  private enum State {
    BEFORE_ARRAY,
    FIRST_ELEMENT,
    NEXT_ELEMENT,
    DONE
  }

  private final InputStream in;
  private final int maxRecordBytes;
  private final byte[] chunk = new byte[CHUNK_BYTES];
  private final byte[] chunkByte = new byte[1];
  private int pos;
  private int limit;
  private long chunkOffset;
  private boolean sawAnyByte;

  private State state = State.BEFORE_ARRAY;
  private byte[] record = new byte[16 * 1024];
  private int recordLength;
  private long recordTotalBytes;
  private long recordOffset = -1;
  private long recordIndex = -1;
  private boolean recordIsObject;
  private boolean inRecord;

  RecordsArrayScanner(InputStream in, int maxRecordBytes) {
    this.in = in;
    this.maxRecordBytes = maxRecordBytes;
  }

  /**
   * Moves to the next element of the {@code Records} array.
   *
   * @return false at the end of the array
   * @throws MalformedFileException when the file's structure ends reading
   */
  boolean next() throws IOException, MalformedFileException {
    switch (state) {
      case DONE:
        return false;
      case BEFORE_ARRAY:
        openRecordsArray();
        state = State.FIRST_ELEMENT;
        break;
      default:
        break;
    }
    int c = nextNonWhitespace();
    if (c == ']') {
      state = State.DONE;
      return false;
    }
    if (state == State.NEXT_ELEMENT) {
      if (c != ',') {
        throw unexpected(c, "',' or ']' after record " + recordIndex);
      }
      c = nextNonWhitespace();
    }
    if (c < 0) {
      throw truncated();
    }
    recordIndex++;
    recordOffset = offset() - 1;
    recordIsObject = c == '{';
    inRecord = true;
    captureValue((byte) c);
    inRecord = false;
    state = State.NEXT_ELEMENT;
    return true;
  }

  /** The current record's bytes; only the first {@link #recordLength()} are valid. */
  byte[] recordBytes() {
    return record;
  }

  int recordLength() {
    return recordLength;
  }

  /** True when the current record is longer than the limit, so only its start was kept. */
  boolean recordTooLarge() {
    return recordTotalBytes > maxRecordBytes;
  }

  long recordTotalBytes() {
    return recordTotalBytes;
  }

  boolean recordIsObject() {
    return recordIsObject;
  }

  /** Index of the current record in the array, -1 before the first. */
  long recordIndex() {
    return recordIndex;
  }

  /** Offset of the current record's first byte in the uncompressed file. */
  long recordOffset() {
    return recordOffset;
  }

  /** Index of the first record not completely read: the current one while it is being read. */
  long firstUnreadRecord() {
    return inRecord ? recordIndex : recordIndex + 1;
  }

  /** Bytes consumed so far. */
  long offset() {
    return chunkOffset + pos;
  }

  private void openRecordsArray() throws IOException, MalformedFileException {
    int c = nextNonWhitespace();
    if (c == 0xEF) {
      if (nextByte() != 0xBB || nextByte() != 0xBF) {
        throw malformed(RejectReason.NOT_A_JSON_OBJECT, "the file does not start with JSON");
      }
      c = nextNonWhitespace();
    }
    if (c < 0) {
      throw malformed(
          RejectReason.EMPTY_FILE,
          sawAnyByte ? "the file holds only whitespace" : "the file is empty");
    }
    if (c != '{') {
      throw new MalformedFileException(
          RejectReason.NOT_A_JSON_OBJECT,
          "the file does not start with a JSON object but with " + describe(c),
          0,
          offset() - 1);
    }
    while (true) {
      c = nextNonWhitespace();
      if (c == '}') {
        throw noRecords();
      }
      if (c != '"') {
        throw unexpected(c, "a key of the top-level object");
      }
      String key = readKey();
      c = nextNonWhitespace();
      if (c != ':') {
        throw unexpected(c, "':' after key \"" + key + "\"");
      }
      c = nextNonWhitespace();
      if (c < 0) {
        throw truncated();
      }
      if ("Records".equals(key)) {
        if (c == '[') {
          return;
        }
        throw malformed(
            RejectReason.NO_RECORDS_ARRAY,
            "\"Records\" is not an array but starts with " + describe(c));
      }
      captureValue((byte) c);
      c = nextNonWhitespace();
      if (c == '}') {
        throw noRecords();
      }
      if (c != ',') {
        throw unexpected(c, "',' or '}' in the top-level object");
      }
    }
  }

  /** Reads a top-level key; the opening quote was consumed. Keys are short and plain. */
  private String readKey() throws IOException, MalformedFileException {
    byte[] key = new byte[64];
    int length = 0;
    boolean escaped = false;
    while (true) {
      int c = nextByte();
      if (c < 0) {
        throw truncated();
      }
      if (!escaped && c == '"') {
        return new String(key, 0, length, StandardCharsets.UTF_8);
      }
      escaped = !escaped && c == '\\';
      if (length == MAX_KEY_BYTES) {
        throw malformed(RejectReason.MALFORMED_JSON, "a top-level key is longer than 1 KB");
      }
      if (length == key.length) {
        key = Arrays.copyOf(key, key.length * 2);
      }
      key[length++] = (byte) c;
    }
  }

  /** Captures one JSON value whose first byte was just consumed, keeping up to the size limit. */
  private void captureValue(byte first) throws IOException, MalformedFileException {
    recordLength = 0;
    recordTotalBytes = 0;
    appendByte(first);
    if (first == '{' || first == '[' || first == '"') {
      captureDelimited(first == '"');
    } else {
      captureScalar();
    }
  }

  /**
   * Captures the rest of an object, an array or a string, tracking strings and escapes to find its
   * end.
   */
  private void captureDelimited(boolean isString) throws IOException, MalformedFileException {
    boolean inString = isString;
    boolean escaped = false;
    int depth = isString ? 0 : 1;
    while (true) {
      if (pos == limit && !fill()) {
        throw truncated();
      }
      int start = pos;
      int i = pos;
      byte[] bytes = chunk;
      int end = limit;
      while (i < end) {
        byte b = bytes[i++];
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (b == '\\') {
            escaped = true;
          } else if (b == '"') {
            inString = false;
            if (depth == 0) {
              append(bytes, start, i - start);
              pos = i;
              return;
            }
          }
        } else if (b == '"') {
          inString = true;
        } else if (b == '{' || b == '[') {
          depth++;
        } else if ((b == '}' || b == ']') && --depth == 0) {
          append(bytes, start, i - start);
          pos = i;
          return;
        }
      }
      append(bytes, start, i - start);
      pos = i;
    }
  }

  /** Captures the rest of a number or literal: everything up to the next separator. */
  private void captureScalar() throws IOException, MalformedFileException {
    while (true) {
      if (pos == limit && !fill()) {
        throw truncated();
      }
      byte b = chunk[pos];
      if (b == ',' || b == ']' || b == '}' || isWhitespace(b)) {
        return;
      }
      append(chunk, pos, 1);
      pos++;
    }
  }

  private void appendByte(byte b) {
    chunkByte[0] = b;
    append(chunkByte, 0, 1);
  }

  private void append(byte[] source, int from, int length) {
    recordTotalBytes += length;
    int room = maxRecordBytes - recordLength;
    if (room <= 0) {
      return;
    }
    int kept = Math.min(room, length);
    if (recordLength + kept > record.length) {
      record = Arrays.copyOf(record, Math.max(record.length * 2, recordLength + kept));
    }
    System.arraycopy(source, from, record, recordLength, kept);
    recordLength += kept;
  }

  private int nextNonWhitespace() throws IOException {
    while (true) {
      if (pos == limit && !fill()) {
        return -1;
      }
      byte b = chunk[pos++];
      if (!isWhitespace(b)) {
        return b & 0xFF;
      }
    }
  }

  private int nextByte() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return chunk[pos++] & 0xFF;
  }

  private boolean fill() throws IOException {
    chunkOffset += limit;
    pos = 0;
    limit = 0;
    int read;
    do {
      read = in.read(chunk, 0, chunk.length);
    } while (read == 0);
    if (read < 0) {
      return false;
    }
    limit = read;
    sawAnyByte = true;
    return true;
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  private MalformedFileException truncated() {
    String where;
    if (state == State.BEFORE_ARRAY) {
      where = "in its top-level object, before the \"Records\" array";
    } else if (inRecord) {
      where = "in the middle of record " + recordIndex;
    } else {
      where = "after record " + recordIndex + ", before the end of the \"Records\" array";
    }
    return malformed(RejectReason.TRUNCATED, "the file ends " + where);
  }

  private MalformedFileException noRecords() {
    return malformed(
        RejectReason.NO_RECORDS_ARRAY, "the top-level object has no \"Records\" array");
  }

  private MalformedFileException unexpected(int c, String expected) {
    if (c < 0) {
      return truncated();
    }
    return new MalformedFileException(
        RejectReason.MALFORMED_JSON,
        "expected " + expected + " but found " + describe(c),
        firstUnreadRecord(),
        offset() - 1);
  }

  /** A problem at the current offset. */
  private MalformedFileException malformed(RejectReason reason, String detail) {
    return new MalformedFileException(reason, detail, firstUnreadRecord(), offset());
  }

  private static String describe(int c) {
    if (c < 0) {
      return "the end of the file";
    }
    if (c >= 0x20 && c < 0x7F) {
      return "'" + (char) c + "'";
    }
    return String.format("byte 0x%02X", c);
  }
}
