package com.cloudtrailanalytics.dashboards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A panel's SQL, from its saved query: the query's opening comment (what it answers, then its
 * {@code ?} parameters) becomes the description; the statement, without its semicolon, has each
 * {@code ?} bound to an expression. Only placeholders in the code count: {@code ?} in a string
 * literal (a regular expression's {@code (v6)?}) or a comment stays.
 */
public record PanelSql(String description, String sql) {

  public static final Path QUERIES = Path.of("..", "sql", "athena", "queries");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\?");

  /** String literals, quoted identifiers and comments, where SQL code is not. */
  private static final Pattern NOT_CODE =
      Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

  /**
   * The query {@code name} with its placeholders bound, in order, to the expressions of {@code
   * parameters}.
   */
  public static PanelSql of(String name, List<String> parameters, Map<String, String> expressions)
      throws IOException {
    Path file = QUERIES.resolve(name + ".sql");
    List<String> lines = Files.readAllLines(file);
    List<String> header = new ArrayList<>();
    int body = 0;
    while (body < lines.size() && lines.get(body).startsWith("--")) {
      header.add(lines.get(body).replaceFirst("^--\\s?", ""));
      body++;
    }
    String statement = String.join("\n", lines.subList(body, lines.size())).strip();
    if (statement.endsWith(";")) {
      statement = statement.substring(0, statement.length() - 1);
    }
    Iterator<String> bound = parameters.stream().map(p -> expression(p, expressions)).iterator();
    int[] placeholders = {0};
    String sql =
        replaceInCode(
            statement,
            PLACEHOLDER,
            placeholder -> {
              placeholders[0]++;
              return bound.hasNext() ? bound.next() : "?";
            });
    if (placeholders[0] != parameters.size()) {
      throw new IllegalArgumentException(
          file
              + " has "
              + placeholders[0]
              + " placeholders but the manifest gives "
              + parameters.size()
              + " parameters "
              + parameters);
    }
    return new PanelSql(description(header), sql);
  }

  /**
   * {@code sql} with each match of {@code pattern} in its code replaced, leaving its string
   * literals, quoted identifiers and comments as they are.
   */
  public static String replaceInCode(
      String sql, Pattern pattern, Function<MatchResult, String> replacement) {
    StringBuilder replaced = new StringBuilder();
    Matcher notCode = NOT_CODE.matcher(sql);
    int code = 0;
    while (notCode.find()) {
      replaced.append(
          pattern.matcher(sql.substring(code, notCode.start())).replaceAll(replacement));
      replaced.append(notCode.group());
      code = notCode.end();
    }
    replaced.append(pattern.matcher(sql.substring(code)).replaceAll(replacement));
    return replaced.toString();
  }

  private static String expression(String parameter, Map<String, String> expressions) {
    String expression = expressions.get(parameter);
    if (expression == null) {
      throw new IllegalArgumentException(
          "unknown parameter '" + parameter + "': expected one of " + expressions.keySet());
    }
    return Matcher.quoteReplacement(expression);
  }

  /** The opening comment up to its "Parameters:" sentence, as one line. */
  private static String description(List<String> header) {
    List<String> sentences = new ArrayList<>();
    for (String line : header) {
      if (line.startsWith("Parameters:")) {
        break;
      }
      sentences.add(line.strip());
    }
    return String.join(" ", sentences);
  }
}
