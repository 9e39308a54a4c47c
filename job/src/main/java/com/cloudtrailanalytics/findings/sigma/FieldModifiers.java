package com.cloudtrailanalytics.findings.sigma;

import static com.cloudtrailanalytics.findings.sigma.RuleRejectedException.invalid;
import static com.cloudtrailanalytics.findings.sigma.RuleRejectedException.unsupported;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The modifiers after a field name ({@code requestParameters.policy|contains|all}), checked against
 * each other once, and the matchers they make of the rule's values.
 */
final class FieldModifiers {

  /** What a value is tested with. */
  enum Test {
    WILDCARD,
    CONTAINS,
    STARTS_WITH,
    ENDS_WITH,
    REGEX,
    EXISTS,
    FIELD_REF
  }

  /** Modifiers of the Sigma specification that this engine does not apply. */
  private static final Set<String> UNSUPPORTED =
      Set.of(
          "base64",
          "base64offset",
          "utf16",
          "utf16le",
          "utf16be",
          "wide",
          "windash",
          "cidr",
          "lt",
          "lte",
          "gt",
          "gte",
          "neq",
          "expand",
          "minute",
          "hour",
          "day",
          "week",
          "month",
          "year");

  private final String key;
  private final Test test;
  private final boolean all;
  private final boolean cased;
  private final int regexFlags;

  private FieldModifiers(String key, Test test, boolean all, boolean cased, int regexFlags) {
    this.key = key;
    this.test = test;
    this.all = all;
    this.cased = cased;
    this.regexFlags = regexFlags;
  }

  /**
   * @param key the whole key as the rule writes it, for messages
   * @param names the modifiers, in order
   */
  static FieldModifiers parse(String key, List<String> names) throws RuleRejectedException {
    Test test = Test.WILDCARD;
    String testName = null;
    boolean all = false;
    boolean cased = false;
    int regexFlags = 0;
    List<String> seen = new ArrayList<>();
    for (String name : names) {
      if (seen.contains(name)) {
        throw invalid("modifier '" + name + "' appears twice in field '" + key + "'");
      }
      seen.add(name);
      Test named = testNamed(name);
      if (named != null) {
        if (testName != null) {
          throw conflict(testName, name, key);
        }
        test = named;
        testName = name;
      } else if (name.equals("all")) {
        all = true;
      } else if (name.equals("cased")) {
        cased = true;
      } else if (name.equals("i") || name.equals("m") || name.equals("s")) {
        if (test != Test.REGEX) {
          throw invalid(
              "modifier '"
                  + name
                  + "' belongs after 're' (re|"
                  + name
                  + "), in field '"
                  + key
                  + "'");
        }
        regexFlags |= regexFlag(name);
      } else if (UNSUPPORTED.contains(name)) {
        throw unsupported("unsupported modifier '" + name + "' in field '" + key + "'");
      } else {
        throw invalid("unknown modifier '" + name + "' in field '" + key + "'");
      }
    }
    if (test == Test.EXISTS && seen.size() > 1) {
      throw conflict("exists", seen.get(seen.get(0).equals("exists") ? 1 : 0), key);
    }
    if (test == Test.REGEX && cased) {
      throw invalid(
          "modifier 'cased' does not apply to 're', which is case-sensitive already ('re|i'"
              + " ignores case), in field '"
              + key
              + "'");
    }
    return new FieldModifiers(key, test, all, cased, regexFlags);
  }

  private static Test testNamed(String name) {
    return switch (name) {
      case "contains" -> Test.CONTAINS;
      case "startswith" -> Test.STARTS_WITH;
      case "endswith" -> Test.ENDS_WITH;
      case "re" -> Test.REGEX;
      case "exists" -> Test.EXISTS;
      case "fieldref" -> Test.FIELD_REF;
      default -> null;
    };
  }

  private static RuleRejectedException conflict(String first, String second, String key) {
    String message =
        "modifiers '" + first + "' and '" + second + "' cannot be combined in field '" + key + "'";
    // pySigma lets fieldref take startswith/endswith/contains; we compare whole values only
    boolean fieldRef = first.equals("fieldref") || second.equals("fieldref");
    return fieldRef ? unsupported(message) : invalid(message);
  }

  private static int regexFlag(String name) {
    return switch (name) {
      case "i" -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
      case "m" -> Pattern.MULTILINE;
      default -> Pattern.DOTALL;
    };
  }

  Test test() {
    return test;
  }

  boolean all() {
    return all;
  }

  boolean cased() {
    return cased;
  }

  /** The matcher for one of the rule's values; not for {@code exists} and {@code fieldref}. */
  ValueMatcher matcher(String value) throws RuleRejectedException {
    return switch (test) {
      case WILDCARD -> WildcardPattern.of(value, false, false, cased);
      case CONTAINS -> WildcardPattern.of(value, true, true, cased);
      case STARTS_WITH -> WildcardPattern.of(value, false, true, cased);
      case ENDS_WITH -> WildcardPattern.of(value, true, false, cased);
      case REGEX -> regex(value);
      case EXISTS, FIELD_REF -> throw new IllegalStateException(test + " takes no matcher");
    };
  }

  private ValueMatcher regex(String value) throws RuleRejectedException {
    try {
      return new RegexMatcher(Pattern.compile(value, regexFlags));
    } catch (PatternSyntaxException e) {
      throw invalid(
          "invalid regular expression '"
              + value
              + "' in field '"
              + key
              + "': "
              + e.getDescription()
              + " at index "
              + e.getIndex());
    }
  }
}
