package com.cloudtrailanalytics.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The log's layout when stderr is a terminal: a bounded run's progress line rewrites itself in
 * place, and every other line first erases it. Elsewhere (a file, a pipe, a cluster's log) every
 * line is a plain line.
 */
public final class TerminalLog {

  /** Carriage return, then erase to the end of the line (ANSI). */
  static final String ERASE_LINE = "\r\u001B[K";

  static final String LINE_START = "cloudtrail.log.line-start";
  static final String PROGRESS_APPENDER = "cloudtrail.log.progress-appender";

  private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

  private TerminalLog() {}

  /**
   * Sets the layout properties {@code log4j2.properties} reads when stderr is a terminal. Must run
   * before the first logger is created: Log4j reads its configuration once.
   */
  public static void configure() {
    if (stderrIsTerminal()) {
      System.setProperty(LINE_START, ERASE_LINE);
      System.setProperty(PROGRESS_APPENDER, "progress-on-terminal");
    }
  }

  static boolean stderrIsTerminal() {
    if (System.console() == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    if (!Files.exists(STDERR_LINK, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try {
      return isTerminalDevice(Files.readSymbolicLink(STDERR_LINK).toString());
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Whether a file descriptor's target (Linux's {@code /proc/self/fd/N}) is a terminal. */
  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
  }
}
