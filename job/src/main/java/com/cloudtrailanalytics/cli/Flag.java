package com.cloudtrailanalytics.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.description.BlockElement;
import org.apache.flink.configuration.description.TextElement;
import org.apache.flink.util.TimeUtils;

/**
 * A command-line flag that sets one configuration option.
 *
 * @param valueName what the value looks like in the help, or null for a switch
 */
record Flag(
    String name,
    ConfigOption<?> option,
    String valueName,
    String help,
    String defaultValue,
    boolean repeatable) {

  /**
   * A flag for one of our own options: {@code cloudtrail.x} and {@code generate.x} are {@code --x}.
   */
  static Flag of(ConfigOption<?> option, String valueName) {
    return new Flag(
        option.key().substring(option.key().indexOf('.') + 1),
        option,
        valueName,
        plainText(option),
        option.hasDefaultValue() ? display(option.defaultValue()) : null,
        false);
  }

  /** A flag for a list option that may be given more than once, each time adding to the list. */
  static Flag repeatable(ConfigOption<List<String>> option, String valueName) {
    Flag flag = of(option, valueName);
    return new Flag(flag.name(), option, valueName, flag.help(), null, true);
  }

  /** A flag for a Flink option, with help text of its own. */
  static Flag of(
      String name, ConfigOption<?> option, String valueName, String help, String defaultValue) {
    return new Flag(name, option, valueName, help, defaultValue, false);
  }

  /** The flags of a command made of several lists. */
  static List<Flag> join(List<Flag> first, List<Flag> second) {
    List<Flag> flags = new ArrayList<>(first);
    flags.addAll(second);
    return List.copyOf(flags);
  }

  boolean isSwitch() {
    return valueName == null;
  }

  private static String plainText(ConfigOption<?> option) {
    List<BlockElement> blocks = option.description().getBlocks();
    return blocks.size() == 1 && blocks.get(0) instanceof TextElement text
        ? text.getFormat()
        : option.description().toString();
  }

  private static String display(Object value) {
    return value instanceof Duration duration
        ? TimeUtils.formatWithHighestUnit(duration)
        : String.valueOf(value);
  }
}
