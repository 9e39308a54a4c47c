package com.cloudtrailanalytics.cli;

import com.cloudtrailanalytics.config.InvalidSettingException;
import com.cloudtrailanalytics.geo.GeoDatabaseException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The command line: picks the command, turns mistakes into one line and exit code 2. */
public final class Cli {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

  private final PrintStream out;
  private final PrintStream err;

  public Cli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public int run(String... args) {
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    try {
      if (arguments.contains("--help") || arguments.contains("-h")) {
        Help.print(out);
        return OK;
      }
      if (arguments.isEmpty()) {
        Help.print(err);
        return USAGE;
      }
      if (arguments.get(0).equals("rules")) {
        return RulesCommand.run(rest(arguments), out);
      }
      if (arguments.get(0).equals("report")) {
        return ReportCommand.run(CommandLine.parse(rest(arguments), ReportCommand.FLAGS), out);
      }
      if (arguments.get(0).equals("generate")) {
        return GenerateCommand.run(CommandLine.parse(rest(arguments), GenerateCommand.FLAGS), out);
      }
      if (arguments.remove("--demo")) {
        return DemoCommand.run(CommandLine.parse(arguments, DemoCommand.FLAGS), out);
      }
      if (arguments.get(0).equals("run")) {
        arguments = rest(arguments);
      }
      return RunCommand.run(CommandLine.parse(arguments, RunCommand.FLAGS), out);
    } catch (UsageException | InvalidSettingException | GeoDatabaseException e) {
      err.println("cloudtrail-analytics: " + e.getMessage());
      return USAGE;
    } catch (Exception e) {
      LOG.error("The job failed", e);
      err.println("cloudtrail-analytics: the job failed: " + rootCause(e));
      return FAILED;
    }
  }

  /**
   * True when this process is ours alone ({@code java -jar}), false inside a Flink cluster, where
   * main must return or throw rather than end the JobManager's process.
   */
  public static boolean ownsProcess() {
    return StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment;
  }

  private static List<String> rest(List<String> arguments) {
    return arguments.subList(1, arguments.size());
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
