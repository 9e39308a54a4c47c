package com.cloudtrailanalytics.findings.sigma;

import java.util.Arrays;
import java.util.Locale;

/**
 * A Sigma string value: {@code *} matches any run of characters, {@code ?} exactly one, and a
 * backslash makes the {@code *}, {@code ?} or backslash after it plain (a backslash before any
 * other character is itself plain). Case-insensitive unless the rule says {@code cased}.
 *
 * <p>The common shapes (plain, {@code x*}, {@code *x}, {@code *x*}) are tested with {@link
 * String#regionMatches}; only other patterns take the general matcher. Characters are UTF-16 units,
 * so {@code ?} stands for one unit.
 */
final class WildcardPattern implements ValueMatcher {

  private static final long serialVersionUID = 1L;

  /** In {@link #tokens}: any run of characters; every other token is a plain character. */
  private static final int ANY_RUN = -1;

  /** In {@link #tokens}: exactly one character. */
  private static final int ONE = -2;

  private enum Shape {
    EQUALS,
    STARTS_WITH,
    ENDS_WITH,
    CONTAINS,
    ANYTHING,
    GENERAL
  }

  private final int[] tokens;
  private final boolean ignoreCase;
  private final Shape shape;

  /** The plain text between leading and trailing {@code *}, for the shapes other than GENERAL. */
  private final String literal;

  private WildcardPattern(int[] tokens, boolean ignoreCase) {
    this.tokens = tokens;
    this.ignoreCase = ignoreCase;
    int start = 0;
    int end = tokens.length;
    boolean leadingRun = end > 0 && tokens[0] == ANY_RUN;
    boolean trailingRun = end > (leadingRun ? 1 : 0) && tokens[end - 1] == ANY_RUN;
    start += leadingRun ? 1 : 0;
    end -= trailingRun ? 1 : 0;
    StringBuilder plain = new StringBuilder(end - start);
    for (int i = start; i < end && plain != null; i++) {
      plain = tokens[i] < 0 ? null : plain.append((char) tokens[i]);
    }
    this.literal = plain == null ? null : plain.toString();
    if (literal == null) {
      shape = Shape.GENERAL;
    } else if (literal.isEmpty() && (leadingRun || trailingRun)) {
      shape = Shape.ANYTHING;
    } else if (leadingRun && trailingRun) {
      shape = Shape.CONTAINS;
    } else if (leadingRun) {
      shape = Shape.ENDS_WITH;
    } else if (trailingRun) {
      shape = Shape.STARTS_WITH;
    } else {
      shape = Shape.EQUALS;
    }
  }

  /**
   * @param value the value as the rule spells it, escapes included
   * @param runBefore whether to put {@code *} before it ({@code contains}, {@code endswith})
   * @param runAfter whether to put {@code *} after it ({@code contains}, {@code startswith})
   */
  static WildcardPattern of(String value, boolean runBefore, boolean runAfter, boolean cased) {
    int[] tokens = new int[value.length() + 2];
    int count = 0;
    if (runBefore) {
      tokens[count++] = ANY_RUN;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() && isSpecial(value.charAt(i + 1))) {
        tokens[count++] = value.charAt(++i);
      } else if (c == '*') {
        if (count == 0 || tokens[count - 1] != ANY_RUN) {
          tokens[count++] = ANY_RUN;
        }
      } else if (c == '?') {
        tokens[count++] = ONE;
      } else {
        tokens[count++] = c;
      }
    }
    if (runAfter && (count == 0 || tokens[count - 1] != ANY_RUN)) {
      tokens[count++] = ANY_RUN;
    }
    return new WildcardPattern(Arrays.copyOf(tokens, count), !cased);
  }

  private static boolean isSpecial(char c) {
    return c == '*' || c == '?' || c == '\\';
  }

  @Override
  public String onlyValueInLowerCase() {
    return shape == Shape.EQUALS ? literal.toLowerCase(Locale.ROOT) : null;
  }

  @Override
  public boolean test(String value) {
    return switch (shape) {
      case EQUALS -> ignoreCase ? value.equalsIgnoreCase(literal) : value.equals(literal);
      case STARTS_WITH -> value.regionMatches(ignoreCase, 0, literal, 0, literal.length());
      case ENDS_WITH ->
          value.regionMatches(
              ignoreCase, value.length() - literal.length(), literal, 0, literal.length());
      case CONTAINS -> contains(value);
      case ANYTHING -> true;
      case GENERAL -> matchesGeneral(value);
    };
  }

  private boolean contains(String value) {
    if (!ignoreCase) {
      return value.contains(literal);
    }
    for (int i = 0, last = value.length() - literal.length(); i <= last; i++) {
      if (value.regionMatches(true, i, literal, 0, literal.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The classic matcher that backtracks to the last {@code *} only: on a mismatch, that run takes
   * one more character and matching resumes after it. No allocation; at worst value length times
   * pattern length steps.
   */
  private boolean matchesGeneral(String value) {
    int v = 0;
    int t = 0;
    int runToken = -1;
    int runEnd = 0;
    while (v < value.length()) {
      if (t < tokens.length
          && tokens[t] != ANY_RUN
          && (tokens[t] == ONE || same((char) tokens[t], value.charAt(v)))) {
        v++;
        t++;
      } else if (t < tokens.length && tokens[t] == ANY_RUN) {
        runToken = t++;
        runEnd = v;
      } else if (runToken >= 0) {
        t = runToken + 1;
        v = ++runEnd;
      } else {
        return false;
      }
    }
    while (t < tokens.length && tokens[t] == ANY_RUN) {
      t++;
    }
    return t == tokens.length;
  }

  /** The pattern as a rule would write it, for debugging. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(tokens.length + 8);
    for (int token : tokens) {
      if (token == ANY_RUN) {
        text.append('*');
      } else if (token == ONE) {
        text.append('?');
      } else {
        text.append(isSpecial((char) token) ? "\\" : "").append((char) token);
      }
    }
    return "'" + text + "'" + (ignoreCase ? "" : " cased");
  }

  /** Equal characters as {@link String#equalsIgnoreCase} compares them. */
  private boolean same(char a, char b) {
    if (a == b) {
      return true;
    }
    if (!ignoreCase) {
      return false;
    }
    char upperA = Character.toUpperCase(a);
    char upperB = Character.toUpperCase(b);
    return upperA == upperB || Character.toLowerCase(upperA) == Character.toLowerCase(upperB);
  }
}
