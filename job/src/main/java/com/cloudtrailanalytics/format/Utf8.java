package com.cloudtrailanalytics.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Strict UTF-8 validation (Unicode Table 3-7: no overlong forms, no surrogates, max U+10FFFF). */
final class Utf8 {

  /** Eight bytes at a time: CloudTrail records are almost all ASCII, checked a word per step. */
  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8() {}

  /** Returns the offset of the first byte that is not valid UTF-8, or -1 when all are valid. */
  static int firstInvalidByte(byte[] bytes, int from, int length) {
    int i = from;
    int end = from + length;
    while (i < end) {
      while (i + Long.BYTES <= end && ((long) WORDS.get(bytes, i) & HIGH_BITS) == 0) {
        i += Long.BYTES;
      }
      if (i >= end) {
        break;
      }
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      int lead = b & 0xFF;
      int continuationBytes;
      int secondMin = 0x80;
      int secondMax = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        continuationBytes = 1;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuationBytes = 2;
        if (lead == 0xE0) {
          secondMin = 0xA0;
        } else if (lead == 0xED) {
          secondMax = 0x9F;
        }
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuationBytes = 3;
        if (lead == 0xF0) {
          secondMin = 0x90;
        } else if (lead == 0xF4) {
          secondMax = 0x8F;
        }
      } else {
        return i;
      }
      if (i + continuationBytes >= end) {
        return i;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < secondMin || second > secondMax) {
        return i;
      }
      for (int k = 2; k <= continuationBytes; k++) {
        int next = bytes[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return i;
        }
      }
      i += continuationBytes + 1;
    }
    return -1;
  }
}
