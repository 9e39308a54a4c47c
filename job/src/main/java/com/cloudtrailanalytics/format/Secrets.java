package com.cloudtrailanalytics.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps secrets that some records carry (temporary credentials in {@code
 * responseElements.credentials}, passwords in request parameters) out of every output: the value of
 * any field with a secret's name is replaced by {@value #REDACTED}, wherever it is nested.
 */
public final class Secrets {

  public static final String REDACTED = "REDACTED";

  /** Field names, compared ignoring case, whose values are secrets. */
  static final List<String> SECRET_FIELDS =
      List.of(
          "sessionToken",
          "secretAccessKey",
          "secretKey",
          "password",
          "newPassword",
          "oldPassword",
          "masterUserPassword",
          "passwordData",
          "privateKey",
          "clientSecret",
          "secretString",
          "secretBinary",
          "accessToken",
          "refreshToken",
          "idToken",
          "authToken");

  private static final Set<String> LOWER_CASE =
      SECRET_FIELDS.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  private static final Pattern SECRET_STRING_VALUE =
      Pattern.compile(
          "(?i)(\"(?:" + String.join("|", SECRET_FIELDS) + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final JsonFactory JSON = new JsonFactory();

  private Secrets() {}

  /**
   * {@code json} with the value of every secret field replaced; the same string when it has none.
   * Text that is not valid JSON is redacted as {@link #redactText} does.
   */
  public static String redactJson(String json) {
    if (json == null || !mayHoldSecret(json)) {
      return json;
    }
    StringWriter out = new StringWriter(json.length());
    try (JsonParser in = JSON.createParser(json);
        JsonGenerator copy = JSON.createGenerator(out)) {
      JsonToken token;
      while ((token = in.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME && isSecret(in.currentName())) {
          copy.writeFieldName(in.currentName());
          in.nextToken();
          in.skipChildren();
          copy.writeString(REDACTED);
        } else {
          copy.copyCurrentEvent(in);
        }
      }
    } catch (IOException e) {
      return redactText(json);
    }
    return out.toString();
  }

  /**
   * Raw text that may not be valid JSON, such as a rejected record: every {@code "secretField":
   * "value"} string value replaced.
   */
  public static String redactText(String text) {
    if (text == null || !mayHoldSecret(text)) {
      return text;
    }
    Matcher matcher = SECRET_STRING_VALUE.matcher(text);
    return matcher.replaceAll(
        result -> Matcher.quoteReplacement(result.group(1) + '"' + REDACTED + '"'));
  }

  private static boolean isSecret(String field) {
    return LOWER_CASE.contains(field.toLowerCase(Locale.ROOT));
  }

  /** A quick scan: is any secret field's name written in quotes? */
  private static boolean mayHoldSecret(String text) {
    for (int quote = text.indexOf('"'); quote >= 0; quote = text.indexOf('"', quote + 1)) {
      for (String field : SECRET_FIELDS) {
        int end = quote + 1 + field.length();
        if (end < text.length()
            && (text.charAt(end) == '"' || text.charAt(end) == '\\')
            && text.regionMatches(true, quote + 1, field, 0, field.length())) {
          return true;
        }
      }
    }
    return false;
  }
}
