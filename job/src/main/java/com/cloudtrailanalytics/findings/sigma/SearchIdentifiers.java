package com.cloudtrailanalytics.findings.sigma;

import static com.cloudtrailanalytics.findings.sigma.RuleRejectedException.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compiles one search identifier of a rule's {@code detection}: a map is the AND of its fields, a
 * list the OR of its elements (maps, or plain values searched as keywords).
 */
final class SearchIdentifiers {

  private SearchIdentifiers() {}

  static SigmaDetection compile(String name, JsonNode node) throws RuleRejectedException {
    if (node.isObject()) {
      return fields(name, node);
    }
    if (node.isArray() && !node.isEmpty()) {
      List<SigmaDetection> alternatives = new ArrayList<>();
      List<ValueMatcher> keywords = new ArrayList<>();
      for (JsonNode element : node) {
        if (element.isObject()) {
          alternatives.add(fields(name, element));
        } else if (element.isTextual()) {
          keywords.add(WildcardPattern.of(element.asText(), true, true, false));
        } else {
          throw invalid(
              "search identifier '"
                  + name
                  + "' lists "
                  + (element.isNull() ? "null" : "a list")
                  + "; its elements must be maps of fields or plain values (keywords)");
        }
      }
      if (!keywords.isEmpty()) {
        alternatives.add(new Keywords(keywords, false));
      }
      return alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives);
    }
    throw invalid(
        "search identifier '"
            + name
            + "' must be a map of fields or a list, not "
            + (node.isArray()
                ? "an empty list"
                : node.isNull() ? "null" : "'" + node.asText() + "'"));
  }

  private static SigmaDetection fields(String name, JsonNode map) throws RuleRejectedException {
    if (map.isEmpty()) {
      throw invalid("search identifier '" + name + "' has an empty map");
    }
    List<SigmaDetection> fields = new ArrayList<>(map.size());
    for (Map.Entry<String, JsonNode> entry : map.properties()) {
      fields.add(field(entry.getKey(), entry.getValue()));
    }
    return fields.size() == 1 ? fields.get(0) : new AllOf(fields);
  }

  /** One {@code field|modifiers: value(s)} entry; an empty field name searches keywords. */
  private static SigmaDetection field(String key, JsonNode value) throws RuleRejectedException {
    List<String> parts = Arrays.asList(key.split("\\|", -1));
    String fieldName = parts.get(0);
    FieldModifiers modifiers = FieldModifiers.parse(key, parts.subList(1, parts.size()));
    if (value.isNull()) {
      if (parts.size() > 1) {
        throw invalid("field '" + key + "' is null, which takes no modifiers");
      }
      return new FieldIsNull(path(fieldName, key));
    }
    List<String> values = values(key, value);
    if (fieldName.isEmpty()) {
      List<ValueMatcher> keywords = new ArrayList<>(values.size());
      for (String keyword : values) {
        keywords.add(keywordMatcher(modifiers, keyword));
      }
      return new Keywords(keywords, modifiers.all());
    }
    FieldPath path = path(fieldName, key);
    return switch (modifiers.test()) {
      case EXISTS -> new FieldExists(path, exists(key, values));
      case FIELD_REF -> {
        List<FieldPath> others = new ArrayList<>(values.size());
        for (String other : values) {
          others.add(path(other, key));
        }
        yield new FieldEqualsField(path, others, modifiers.all(), modifiers.cased());
      }
      default -> {
        List<ValueMatcher> matchers = new ArrayList<>(values.size());
        for (String text : values) {
          matchers.add(modifiers.matcher(text));
        }
        yield new FieldValues(path, matchers, modifiers.all());
      }
    };
  }

  /** A keyword is found anywhere in a value, as if it had {@code contains}, unless it says how. */
  private static ValueMatcher keywordMatcher(FieldModifiers modifiers, String keyword)
      throws RuleRejectedException {
    return switch (modifiers.test()) {
      case WILDCARD -> WildcardPattern.of(keyword, true, true, modifiers.cased());
      case EXISTS, FIELD_REF ->
          throw invalid("keywords (a field-less '|...' key) cannot take 'exists' or 'fieldref'");
      default -> modifiers.matcher(keyword);
    };
  }

  private static List<String> values(String key, JsonNode value) throws RuleRejectedException {
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    if (value.isObject()) {
      throw invalid(
          "field '"
              + key
              + "' has a map as its value; name nested fields with dots instead, e.g. '"
              + key.split("\\|", -1)[0]
              + "."
              + (value.isEmpty() ? "name" : value.fieldNames().next())
              + "'");
    }
    if (value.isEmpty()) {
      throw invalid("field '" + key + "' has an empty list of values");
    }
    List<String> values = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      if (element.isNull()) {
        throw invalid(
            "field '"
                + key
                + "' lists null among its values; test null in a search identifier of its own");
      }
      if (!element.isTextual()) {
        throw invalid("field '" + key + "' lists a map or a list; its values must be plain values");
      }
      values.add(element.asText());
    }
    return values;
  }

  private static boolean exists(String key, List<String> values) throws RuleRejectedException {
    if (values.size() == 1 && values.get(0).matches("(?i)true|false")) {
      return Boolean.parseBoolean(values.get(0));
    }
    throw invalid("field '" + key + "' must be true or false, not " + String.join(", ", values));
  }

  private static FieldPath path(String dotted, String key) throws RuleRejectedException {
    try {
      return FieldPath.of(dotted);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage() + ", in field '" + key + "'");
    }
  }
}
