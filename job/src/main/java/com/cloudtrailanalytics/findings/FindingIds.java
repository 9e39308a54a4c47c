package com.cloudtrailanalytics.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's id from what it is about, never from when it was found: the rule and the events, so
 * that a replay after a restart writes the same id and duplicates can be told apart.
 */
public final class FindingIds {

  private FindingIds() {}

  /** 32 hex digits of SHA-256 over the rule id and the event ids, in order. */
  public static String of(String ruleId, String... eventIds) {
    MessageDigest digest = sha256();
    digest.update(ruleId.getBytes(StandardCharsets.UTF_8));
    for (String eventId : eventIds) {
      digest.update((byte) '\n');
      digest.update(String.valueOf(eventId).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
