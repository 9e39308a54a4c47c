package com.cloudtrailanalytics.cli;

import java.io.PrintStream;
import java.util.List;

/** The text of {@code --help}: every command and every option. */
final class Help {

  private Help() {}

  static void print(PrintStream out) {
    out.println(
        "cloudtrail-analytics: AWS CloudTrail logs in, windowed activity tables out as Parquet.");
    out.println();
    out.println("Usage:");
    out.println("  java -jar cloudtrail-analytics.jar --demo [--dir <dir>]");
    out.println("      Write a sample trail and run the job over it on an embedded cluster.");
    out.println(
        "  java -jar cloudtrail-analytics.jar [run] --input <location> --output <location> [options]");
    out.println("      Run the job. Without --bounded it watches the input for new files forever.");
    out.println("  java -jar cloudtrail-analytics.jar generate --output <dir> [options]");
    out.println("      Write a synthetic trail in CloudTrail's layout.");
    out.println("  java -jar cloudtrail-analytics.jar " + ReportCommand.USAGE);
    out.println("      Write the dashboards as one HTML file that works offline.");
    out.println("  java -jar cloudtrail-analytics.jar " + RulesCommand.USAGE);
    out.println(
        "      Check Sigma rules for CloudTrail: list each rule and each file that cannot be used.");
    out.println();
    section(out, "Options of run:", RunCommand.FLAGS);
    out.println("  -D<key>=<value>");
    out.println("      Any Flink configuration, e.g. -Dstate.backend.type=rocksdb.");
    out.println();
    section(out, "Options of generate:", GenerateCommand.FLAGS);
    section(out, "Options of report:", ReportCommand.FLAGS);
    section(out, "Options of --demo:", DemoCommand.FLAGS);
    out.println(
        "Exit codes: 0 done, 1 the job failed, its output does not add up or a rule cannot be"
            + " used, 2 bad usage.");
  }

  private static void section(PrintStream out, String title, List<Flag> flags) {
    out.println(title);
    for (Flag flag : flags) {
      out.println("  --" + flag.name() + (flag.isSwitch() ? "" : " " + flag.valueName()));
      out.println(
          "      "
              + flag.help()
              + (flag.defaultValue() == null || flag.isSwitch()
                  ? ""
                  : " Default: " + flag.defaultValue() + "."));
    }
    out.println();
  }
}
