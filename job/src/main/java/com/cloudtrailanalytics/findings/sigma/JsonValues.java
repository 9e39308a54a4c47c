package com.cloudtrailanalytics.findings.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Predicate;

/** The values a field path reaches in a parsed free-form JSON element. */
final class JsonValues {

  private JsonValues() {}

  /**
   * Adds to {@code values} what {@code path}, from its name at {@code from} on, reaches in {@code
   * node}. Arrays are entered wherever they are met; a scalar is its text, a JSON null a null
   * element, and an object the path ends at is its compact JSON text.
   */
  static void collect(JsonNode node, FieldPath path, int from, List<String> values) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, path, from, values);
      }
    } else if (from == path.length()) {
      if (node.isNull()) {
        values.add(null);
      } else if (node.isValueNode()) {
        values.add(node.asText());
      } else if (node.isObject()) {
        values.add(node.toString());
      }
    } else if (node.isObject()) {
      JsonNode child = node.get(path.segment(from));
      if (child != null) {
        collect(child, path, from + 1, values);
      }
    }
  }

  /** Whether some scalar in {@code node}, at any depth and nulls aside, passes {@code test}. */
  static boolean anyScalar(JsonNode node, Predicate<String> test) {
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (anyScalar(child, test)) {
          return true;
        }
      }
      return false;
    }
    return node.isValueNode() && !node.isNull() && test.test(node.asText());
  }
}
