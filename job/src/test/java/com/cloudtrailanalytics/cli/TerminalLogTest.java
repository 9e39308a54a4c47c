package com.cloudtrailanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalLogTest {

  @Test
  void pseudoTerminalsAndConsolesAreTerminalsFilesAndPipesAreNot() {
    assertThat(TerminalLog.isTerminalDevice("/dev/pts/3")).isTrue();
    assertThat(TerminalLog.isTerminalDevice("/dev/tty1")).isTrue();
    assertThat(TerminalLog.isTerminalDevice("/tmp/job/stderr.txt")).isFalse();
    assertThat(TerminalLog.isTerminalDevice("pipe:[123456]")).isFalse();
    assertThat(TerminalLog.isTerminalDevice("/dev/null")).isFalse();
  }

  @Test
  void aTestRunsWithoutATerminalSoTheLogKeepsPlainLines() {
    TerminalLog.configure();
    assertThat(System.getProperty(TerminalLog.LINE_START)).isNull();
    assertThat(System.getProperty(TerminalLog.PROGRESS_APPENDER)).isNull();
  }
}
