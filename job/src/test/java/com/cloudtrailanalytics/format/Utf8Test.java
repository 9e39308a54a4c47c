package com.cloudtrailanalytics.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void acceptsAsciiAndEveryEncodingLength() {
    byte[] text = "plain, é, 東京, 𝄞".getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8.firstInvalidByte(text, 0, text.length)).isEqualTo(-1);
  }

  @Test
  void findsALoneContinuationByte() {
    assertThat(Utf8.firstInvalidByte(bytes('a', 'b', 0x80, 'c'), 0, 4)).isEqualTo(2);
  }

  @Test
  void findsLatin1Bytes() {
    byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Utf8.firstInvalidByte(latin1, 0, latin1.length)).isEqualTo(3);
  }

  @Test
  void rejectsOverlongFormsSurrogatesAndTruncatedSequences() {
    assertThat(Utf8.firstInvalidByte(bytes(0xC0, 0xAF), 0, 2)).isZero();
    assertThat(Utf8.firstInvalidByte(bytes(0xE0, 0x80, 0xAF), 0, 3)).isZero();
    assertThat(Utf8.firstInvalidByte(bytes(0xED, 0xA0, 0x80), 0, 3)).isZero();
    assertThat(Utf8.firstInvalidByte(bytes(0xF4, 0x90, 0x80, 0x80), 0, 4)).isZero();
    assertThat(Utf8.firstInvalidByte(bytes('x', 0xE6, 0x9D), 0, 3)).isEqualTo(1);
  }

  @Test
  void findsABadByteAnywhereInLongAsciiRunsAndOnlyWithinTheRange() {
    for (int bad = 0; bad < 40; bad++) {
      byte[] text = "x".repeat(40).getBytes(StandardCharsets.US_ASCII);
      text[bad] = (byte) 0xFF;
      assertThat(Utf8.firstInvalidByte(text, 0, 40)).as("bad byte at %d", bad).isEqualTo(bad);
      assertThat(Utf8.firstInvalidByte(text, 3, 30))
          .as("bad byte at %d, range 3..33", bad)
          .isEqualTo(bad >= 3 && bad < 33 ? bad : -1);
    }
  }

  @Test
  void checksEveryCharacterWhereverItFallsAgainstTheEightByteSteps() {
    for (int at = 0; at < 24; at++) {
      String before = "x".repeat(at);
      byte[] valid = (before + "東é" + "y".repeat(20)).getBytes(StandardCharsets.UTF_8);
      assertThat(Utf8.firstInvalidByte(valid, 0, valid.length)).as("東é at %d", at).isEqualTo(-1);

      byte[] cut = (before + "東" + "y".repeat(20)).getBytes(StandardCharsets.UTF_8);
      cut[at + 2] = 'z';
      assertThat(Utf8.firstInvalidByte(cut, 0, cut.length)).as("cut 東 at %d", at).isEqualTo(at);

      byte[] badAfter = (before + "é" + "y".repeat(20)).getBytes(StandardCharsets.UTF_8);
      badAfter[badAfter.length - 1] = (byte) 0x80;
      assertThat(Utf8.firstInvalidByte(badAfter, 0, badAfter.length))
          .as("continuation byte at the end, é at %d", at)
          .isEqualTo(badAfter.length - 1);
    }
  }

  @Test
  void aMultiByteCharacterCutAtTheRangesEndIsInvalid() {
    byte[] text = ("abcdefghijklmno" + "東").getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8.firstInvalidByte(text, 0, text.length)).isEqualTo(-1);
    assertThat(Utf8.firstInvalidByte(text, 0, text.length - 1)).isEqualTo(15);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
