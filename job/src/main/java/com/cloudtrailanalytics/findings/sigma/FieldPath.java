package com.cloudtrailanalytics.findings.sigma;

import java.io.Serializable;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A dotted field path such as {@code userIdentity.sessionContext.sessionIssuer.type}, split once
 * when a rule is compiled so that matching never splits it again. JSON keys that contain a dot
 * cannot be named.
 */
public final class FieldPath implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Pattern DOT = Pattern.compile("\\.");

  private final String text;
  private final String[] segments;

  private FieldPath(String text, String[] segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * @throws IllegalArgumentException when the path is empty or has an empty segment ({@code a..b})
   */
  public static FieldPath of(String dotted) {
    String[] segments = DOT.split(dotted, -1);
    if (dotted.isEmpty() || Arrays.stream(segments).anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException(
          "'" + dotted + "' is not a field path: expected names joined by dots, e.g. a.b.c");
    }
    return new FieldPath(dotted, segments);
  }

  /** How many names the path has: 3 for {@code a.b.c}. */
  public int length() {
    return segments.length;
  }

  /** The name at {@code index}, from 0. */
  public String segment(int index) {
    return segments[index];
  }

  /** The path of its first {@code length} names: {@code a.b} for {@code a.b.c} and 2. */
  FieldPath prefix(int length) {
    return of(String.join(".", Arrays.copyOf(segments, length)));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldPath path && path.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
