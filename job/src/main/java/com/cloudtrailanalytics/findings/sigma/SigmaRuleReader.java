package com.cloudtrailanalytics.findings.sigma;

import static com.cloudtrailanalytics.findings.sigma.RuleRejectedException.invalid;
import static com.cloudtrailanalytics.findings.sigma.RuleRejectedException.unsupported;

import com.cloudtrailanalytics.findings.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns the text of one rule file into a {@link SigmaRule}, or says why it cannot. */
final class SigmaRuleReader {

  private SigmaRuleReader() {}

  /**
   * @param source the file, for the rule's {@code source} and its id when it has none
   * @throws RuleRejectedException when the file is not a rule this engine can match, or a rule for
   *     another log source ({@link RuleProblem.Kind#SKIPPED})
   */
  static SigmaRule read(String source, String text) throws RuleRejectedException {
    List<JsonNode> documents = RuleYaml.documents(text);
    if (documents.isEmpty()) {
      throw invalid(
          "the file is empty; a Sigma rule is a YAML map with title, logsource, detection");
    }
    if (documents.size() > 1) {
      throw unsupported(
          "the file holds "
              + documents.size()
              + " YAML documents: rule collections are not supported; write one rule per file");
    }
    JsonNode rule = documents.get(0);
    if (!rule.isObject()) {
      throw invalid(
          "not a Sigma rule: the file holds a "
              + (rule.isArray() ? "list" : "value")
              + ", not a map with title, logsource, detection");
    }
    refuseOtherKinds(rule);
    checkLogSource(rule.get("logsource"));
    String title = text(rule, "title");
    if (title == null || title.isBlank()) {
      throw invalid("missing 'title'");
    }
    SigmaDetection detection = detection(rule.get("detection"));
    checkFields(detection);
    String id = text(rule, "id");
    return new SigmaRule(
        id == null || id.isBlank() ? idFromFileName(source) : id,
        title,
        severity(text(rule, "level")),
        list(rule, "tags"),
        orEmpty(text(rule, "description")),
        list(rule, "falsepositives"),
        list(rule, "references"),
        source,
        detection);
  }

  /** A field that CloudTrail records do not have would silently never match. */
  private static void checkFields(SigmaDetection detection) throws RuleRejectedException {
    for (FieldPath field : detection.fields().distinct().toList()) {
      if (!RecordShape.has(field)) {
        throw invalid(
            "reads '"
                + field
                + "', which CloudTrail records do not have, so it could never match there"
                + " (names are case-sensitive, as CloudTrail writes them: eventName,"
                + " userIdentity.type, requestParameters.<...>)");
      }
    }
  }

  private static void refuseOtherKinds(JsonNode rule) throws RuleRejectedException {
    if (rule.has("action")) {
      throw unsupported(
          "'action: "
              + rule.get("action").asText()
              + "' rule collections are not supported; write each rule out in a file of its own");
    }
    if (rule.has("correlation")) {
      throw unsupported(
          "correlation rules are not supported: they count or relate events over time");
    }
    if (rule.has("filter") && !rule.has("detection")) {
      throw unsupported("Sigma filters (a 'filter' section) are not supported");
    }
  }

  private static void checkLogSource(JsonNode logsource) throws RuleRejectedException {
    if (logsource == null || !logsource.isObject()) {
      throw invalid("missing 'logsource'; CloudTrail rules have product: aws, service: cloudtrail");
    }
    if (!"aws".equalsIgnoreCase(logsource.path("product").asText())
        || !"cloudtrail".equalsIgnoreCase(logsource.path("service").asText())) {
      List<String> parts = new ArrayList<>();
      logsource.properties().forEach(e -> parts.add(e.getKey() + ": " + e.getValue().asText()));
      throw new RuleRejectedException(
          RuleProblem.Kind.SKIPPED,
          "skipped: logsource {"
              + String.join(", ", parts)
              + "} is not AWS CloudTrail (product: aws, service: cloudtrail)");
    }
  }

  private static SigmaDetection detection(JsonNode detection) throws RuleRejectedException {
    if (detection == null || !detection.isObject()) {
      throw invalid("missing 'detection'");
    }
    JsonNode condition = detection.get("condition");
    if (condition == null || condition.isNull()) {
      throw invalid("missing 'detection.condition'");
    }
    if (detection.has("timeframe")) {
      throw unsupported(
          "'detection.timeframe' is not supported: it belongs to aggregations over time");
    }
    Map<String, SigmaDetection> identifiers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : detection.properties()) {
      if (!entry.getKey().equals("condition")) {
        identifiers.put(
            entry.getKey(), SearchIdentifiers.compile(entry.getKey(), entry.getValue()));
      }
    }
    if (identifiers.isEmpty()) {
      throw invalid("'detection' has no search identifier besides its condition");
    }
    if (condition.isTextual()) {
      return ConditionParser.parse(condition.asText(), identifiers);
    }
    if (!condition.isArray() || condition.isEmpty()) {
      throw invalid("'detection.condition' must be a text or a list of texts");
    }
    // A list of conditions matches when one of them does (Sigma: "linked with OR").
    List<SigmaDetection> alternatives = new ArrayList<>();
    for (JsonNode alternative : condition) {
      if (!alternative.isTextual()) {
        throw invalid("'detection.condition' lists something other than a text");
      }
      alternatives.add(ConditionParser.parse(alternative.asText(), identifiers));
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives);
  }

  private static Severity severity(String level) throws RuleRejectedException {
    if (level == null) {
      return SigmaRule.DEFAULT_SEVERITY;
    }
    return Severity.of(level)
        .orElseThrow(
            () ->
                invalid(
                    "level '"
                        + level
                        + "' is not one of "
                        + Arrays.stream(Severity.values())
                            .map(Severity::label)
                            .collect(Collectors.joining(", "))));
  }

  private static String idFromFileName(String source) {
    String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
    return name.replaceFirst("(?i)\\.ya?ml$", "");
  }

  /** A plain value's text, or null when the key is absent or null. */
  private static String text(JsonNode node, String key) throws RuleRejectedException {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw invalid(
          "'" + key + "' must be a plain value, not a " + (value.isArray() ? "list" : "map"));
    }
    return value.asText();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static List<String> list(JsonNode rule, String key) throws RuleRejectedException {
    JsonNode value = rule.get(key);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw invalid("'" + key + "' must be a list, e.g. " + key + ": [" + value.asText() + "]");
    }
    List<String> items = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw invalid("'" + key + "' must list plain values");
      }
      items.add(item.asText());
    }
    return items;
  }
}
