package com.cloudtrailanalytics.findings.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SigmaWildcardTest {

  private static boolean plain(String pattern, String value) {
    return WildcardPattern.of(pattern, false, false, false).test(value);
  }

  @Test
  void starMatchesAnyRunIncludingNone() {
    assertThat(plain("Stop*", "StopLogging")).isTrue();
    assertThat(plain("Stop*", "Stop")).isTrue();
    assertThat(plain("*Logging", "StopLogging")).isTrue();
    assertThat(plain("*op*ing", "StopLogging")).isTrue();
    assertThat(plain("S*p*g", "StopLogging")).isTrue();
    assertThat(plain("*", "")).isTrue();
    assertThat(plain("Stop*", "GetTrailStatus")).isFalse();
    assertThat(plain("*Trail", "DeleteTrails")).isFalse();
    assertThat(plain("S*p*x", "StopLogging")).isFalse();
  }

  @Test
  void questionMarkMatchesExactlyOneCharacter() {
    assertThat(plain("Stop?ogging", "StopLogging")).isTrue();
    assertThat(plain("?", "")).isFalse();
    assertThat(plain("Stop?ogging", "Stopogging")).isFalse();
    assertThat(plain("*?ogging", "Logging")).isTrue();
    assertThat(plain("??*", "a")).isFalse();
  }

  @Test
  void backtrackingFindsALaterMatch() {
    assertThat(plain("*aab", "aaaab")).isTrue();
    assertThat(plain("*a?b*c", "xaxbyaybzc")).isTrue();
    assertThat(plain("*a?b*c", "xaxbyaybz")).isFalse();
  }

  @Test
  void matchingIgnoresCaseUnlessCased() {
    assertThat(plain("stop*", "StopLogging")).isTrue();
    assertThat(plain("*LOGGING", "StopLogging")).isTrue();
    assertThat(plain("s?OPLOGGING", "StopLogging")).isTrue();
    assertThat(WildcardPattern.of("stop*", false, false, true).test("StopLogging")).isFalse();
    assertThat(WildcardPattern.of("Stop*", false, false, true).test("StopLogging")).isTrue();
    assertThat(WildcardPattern.of("S?OP*", false, false, true).test("StopLogging")).isFalse();
  }

  @Test
  void aBackslashMakesAWildcardOrABackslashPlain() {
    assertThat(plain("s3:\\*", "s3:*")).isTrue();
    assertThat(plain("s3:\\*", "s3:GetObject")).isFalse();
    assertThat(plain("what\\?", "what?")).isTrue();
    assertThat(plain("what\\?", "whats")).isFalse();
    assertThat(plain("C:\\\\*", "C:\\Windows")).as("\\\\* is a backslash, then any run").isTrue();
    assertThat(plain("C:\\\\\\*", "C:\\*")).as("\\\\\\* is a backslash and a star").isTrue();
    assertThat(plain("C:\\\\\\*", "C:\\Windows")).isFalse();
  }

  @Test
  void aBackslashBeforeAnyOtherCharacterIsItself() {
    assertThat(plain("C:\\Windows", "C:\\Windows")).isTrue();
    assertThat(plain("C:\\\\Windows", "C:\\Windows")).isTrue();
    assertThat(plain("\\\\\\\\server", "\\\\server")).as("four backslashes are two").isTrue();
    assertThat(plain("ends\\", "ends\\")).isTrue();
  }

  @Test
  void containsStartswithAndEndswithAddRunsAroundTheValue() {
    assertThat(WildcardPattern.of("Log", true, true, false).test("StopLogging")).isTrue();
    assertThat(WildcardPattern.of("Log", true, true, false).test("StopTrail")).isFalse();
    assertThat(WildcardPattern.of("stop", false, true, false).test("StopLogging")).isTrue();
    assertThat(WildcardPattern.of("logging", false, true, false).test("StopLogging")).isFalse();
    assertThat(WildcardPattern.of("logging", true, false, false).test("StopLogging")).isTrue();
    assertThat(WildcardPattern.of("", true, true, false).test("")).isTrue();
    assertThat(WildcardPattern.of("Stop*ing", true, true, false).test("xStopLoggingx")).isTrue();
  }

  @Test
  void readsBackAsTheRuleWouldWriteIt() {
    assertThat(WildcardPattern.of("s3:\\**", true, false, false)).hasToString("'*s3:\\**'");
    assertThat(WildcardPattern.of("Stop?", false, true, true)).hasToString("'Stop?*' cased");
  }
}
