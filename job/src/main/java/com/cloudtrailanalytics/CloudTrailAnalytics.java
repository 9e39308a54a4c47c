package com.cloudtrailanalytics;

import com.cloudtrailanalytics.cli.Cli;
import com.cloudtrailanalytics.cli.TerminalLog;

/** Entry point, for {@code java -jar} and for submission to a Flink cluster alike. */
public final class CloudTrailAnalytics {

  private CloudTrailAnalytics() {}

  public static void main(String[] args) {
    TerminalLog.configure();
    int exitCode = new Cli(System.out, System.err).run(args);
    if (Cli.ownsProcess()) {
      System.exit(exitCode);
    }
    if (exitCode != Cli.OK) {
      throw new IllegalStateException("cloudtrail-analytics ended with exit code " + exitCode);
    }
  }
}
