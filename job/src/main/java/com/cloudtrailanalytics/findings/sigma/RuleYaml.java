package com.cloudtrailanalytics.findings.sigma;

import static com.cloudtrailanalytics.findings.sigma.RuleRejectedException.invalid;
import static com.cloudtrailanalytics.findings.sigma.RuleRejectedException.unsupported;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the YAML documents of a rule file into Jackson trees in which every scalar is text, as the
 * rule spells it.
 *
 * <p>Jackson's own tree would follow YAML 1.1 and turn {@code MFAUsed: No} into the boolean {@code
 * false}, {@code 0x17} into 23 and {@code 1.50} into 1.5; Sigma compares values as text, so a rule
 * means the characters it wrote. Duplicate keys, which YAML parsers otherwise resolve silently by
 * keeping the last, are refused.
 */
final class RuleYaml {

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RuleYaml() {}

  /** The non-empty documents of {@code text}, in order. */
  static List<JsonNode> documents(String text) throws RuleRejectedException {
    List<JsonNode> documents = new ArrayList<>(1);
    try (JsonParser p = YAML.createParser(text)) {
      while (p.nextToken() != null) {
        JsonNode document = read(p);
        if (!document.isNull()) {
          documents.add(document);
        }
      }
    } catch (JsonProcessingException e) {
      throw invalid("not valid YAML: " + describe(e));
    } catch (IOException e) {
      throw invalid("cannot be read as YAML: " + e.getMessage());
    }
    return documents;
  }

  private static JsonNode read(JsonParser p) throws IOException, RuleRejectedException {
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw unsupported(
          "YAML aliases (*" + p.getText() + ") are not supported" + at(p) + "; repeat the value");
    }
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = NODES.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if (object.has(key)) {
          throw invalid("duplicate key '" + key + "'" + at(p));
        }
        p.nextToken();
        object.set(key, read(p));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = NODES.arrayNode();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(p));
      }
      return array;
    }
    return token == JsonToken.VALUE_NULL ? NODES.nullNode() : NODES.textNode(p.getText());
  }

  private static String at(JsonParser p) {
    return " at line " + p.currentTokenLocation().getLineNr();
  }

  /** The parser's complaint and where, on one line. */
  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
        && marked.getProblem() != null) {
      message = marked.getProblem();
    }
    message = message == null ? "unknown problem" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    JsonLocation location = e.getLocation();
    return location == null || location.getLineNr() < 1
        ? message
        : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
