package com.cloudtrailanalytics.findings.sigma;

import static com.cloudtrailanalytics.findings.sigma.RuleRejectedException.invalid;
import static com.cloudtrailanalytics.findings.sigma.RuleRejectedException.unsupported;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a Sigma condition over already compiled search identifiers. Precedence, loosest first:
 * {@code or}, {@code and}, {@code not}, {@code 1 of} / {@code all of}, parentheses. {@code 1 of
 * them} and {@code all of them} leave out identifiers that start with {@code _}; in a pattern such
 * as {@code selection_*}, {@code *} stands for any characters.
 */
final class ConditionParser {

  private static final Pattern TOKEN = Pattern.compile("[()]|[^\\s()]+");

  private final String condition;
  private final Map<String, SigmaDetection> identifiers;
  private final List<String> tokens = new ArrayList<>();
  private int next;

  private ConditionParser(String condition, Map<String, SigmaDetection> identifiers) {
    this.condition = condition;
    this.identifiers = identifiers;
    Matcher token = TOKEN.matcher(condition);
    while (token.find()) {
      tokens.add(token.group());
    }
  }

  /**
   * @param identifiers the rule's search identifiers in the order the rule defines them
   */
  static SigmaDetection parse(String condition, Map<String, SigmaDetection> identifiers)
      throws RuleRejectedException {
    if (condition.contains("|")) {
      throw unsupported(
          "condition '"
              + condition
              + "' aggregates ('| count()' and the like), which needs state across events; not"
              + " supported");
    }
    ConditionParser parser = new ConditionParser(condition, identifiers);
    if (parser.tokens.stream().anyMatch(token -> token.equalsIgnoreCase("near"))) {
      throw unsupported(
          "condition '"
              + condition
              + "' uses 'near', which needs state across events; not supported");
    }
    if (parser.tokens.isEmpty()) {
      throw invalid(
          "the condition is empty; name a search identifier, e.g. 'condition: selection'");
    }
    SigmaDetection detection = parser.or();
    if (parser.next < parser.tokens.size()) {
      throw parser.unexpected("'and', 'or' or the end");
    }
    return detection;
  }

  private SigmaDetection or() throws RuleRejectedException {
    List<SigmaDetection> parts = new ArrayList<>(List.of(and()));
    while (accept("or")) {
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new AnyOf(parts);
  }

  private SigmaDetection and() throws RuleRejectedException {
    List<SigmaDetection> parts = new ArrayList<>(List.of(not()));
    while (accept("and")) {
      parts.add(not());
    }
    return parts.size() == 1 ? parts.get(0) : new AllOf(parts);
  }

  private SigmaDetection not() throws RuleRejectedException {
    return accept("not") ? new Not(not()) : operand();
  }

  private SigmaDetection operand() throws RuleRejectedException {
    String what = "a search identifier, 'not', '(', '1 of' or 'all of'";
    if (next >= tokens.size()) {
      throw unexpected(what);
    }
    String token = tokens.get(next);
    if (token.equals("(")) {
      next++;
      SigmaDetection inner = or();
      if (!accept(")")) {
        throw unexpected("')'");
      }
      return inner;
    }
    if (next + 1 < tokens.size() && tokens.get(next + 1).equalsIgnoreCase("of")) {
      next += 2;
      return quantified(token);
    }
    if (token.equals(")") || isOperator(token)) {
      throw unexpected(what);
    }
    next++;
    SigmaDetection identifier = identifiers.get(token);
    if (identifier == null) {
      throw invalid(
          "condition '"
              + condition
              + "' names '"
              + token
              + "', which is not a search identifier of the rule; it defines "
              + String.join(", ", identifiers.keySet()));
    }
    return identifier;
  }

  /** {@code 1 of x} / {@code all of x}, positioned after {@code of}. */
  private SigmaDetection quantified(String quantifier) throws RuleRejectedException {
    boolean all = quantifier.equalsIgnoreCase("all");
    if (!all && !quantifier.equals("1") && !quantifier.equalsIgnoreCase("any")) {
      throw unsupported(
          "condition '"
              + condition
              + "' uses '"
              + quantifier
              + " of'; only '1 of' (or 'any of') and 'all of' are supported");
    }
    if (next >= tokens.size()) {
      throw unexpected("'them' or a search identifier pattern");
    }
    String target = tokens.get(next++);
    List<SigmaDetection> matched = new ArrayList<>();
    for (Map.Entry<String, SigmaDetection> identifier : identifiers.entrySet()) {
      String name = identifier.getKey();
      if (target.equalsIgnoreCase("them") ? !name.startsWith("_") : matchesPattern(target, name)) {
        matched.add(identifier.getValue());
      }
    }
    if (matched.isEmpty()) {
      throw invalid(
          "condition '"
              + condition
              + "': '"
              + quantifier
              + " of "
              + target
              + "' matches no search identifier; the rule defines "
              + String.join(", ", identifiers.keySet()));
    }
    if (matched.size() == 1) {
      return matched.get(0);
    }
    return all ? new AllOf(matched) : new AnyOf(matched);
  }

  private static boolean matchesPattern(String pattern, String name) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(part));
    }
    return name.matches(regex.toString());
  }

  private boolean accept(String word) {
    if (next < tokens.size() && tokens.get(next).equalsIgnoreCase(word)) {
      next++;
      return true;
    }
    return false;
  }

  private static boolean isOperator(String token) {
    return token.equalsIgnoreCase("and")
        || token.equalsIgnoreCase("or")
        || token.equalsIgnoreCase("of");
  }

  private RuleRejectedException unexpected(String expected) {
    String found = next < tokens.size() ? "'" + tokens.get(next) + "'" : "the end";
    String after = next == 0 ? "at the start" : "after '" + tokens.get(next - 1) + "'";
    return invalid(
        "condition '" + condition + "': expected " + expected + " " + after + ", found " + found);
  }
}
