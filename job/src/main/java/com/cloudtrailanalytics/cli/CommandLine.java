package com.cloudtrailanalytics.cli;

import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;

/**
 * Parses {@code --flag value}, {@code --flag=value}, switches and {@code -Dkey=value} into Flink
 * configuration.
 */
final class CommandLine {

  private CommandLine() {}

  static Configuration parse(List<String> args, List<Flag> flags) throws UsageException {
    Configuration config = new Configuration();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith("-D") && arg.length() > 2) {
        int equals = arg.indexOf('=');
        if (equals < 0) {
          throw new UsageException(arg + ": expected -Dkey=value");
        }
        config.setString(arg.substring(2, equals), arg.substring(equals + 1));
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "' (see --help)");
      }
      int equals = arg.indexOf('=');
      String name = arg.substring(2, equals < 0 ? arg.length() : equals);
      Flag flag =
          find(flags, name)
              .orElseThrow(() -> new UsageException("unknown option --" + name + " (see --help)"));
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (flag.isSwitch()) {
        value = "true";
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new UsageException("--" + name + " needs a value: " + flag.valueName());
      }
      String key = flag.option().key();
      if (flag.repeatable() && config.containsKey(key)) {
        value = config.getString(key, "") + ";" + value;
      }
      config.setString(key, value);
      try {
        config.get(flag.option());
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            "--" + name + " cannot be '" + value + "': expected " + flag.valueName());
      }
    }
    return config;
  }

  static Optional<Flag> find(List<Flag> flags, String name) {
    return flags.stream().filter(flag -> flag.name().equals(name)).findFirst();
  }
}
