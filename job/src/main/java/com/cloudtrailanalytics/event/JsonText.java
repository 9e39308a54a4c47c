package com.cloudtrailanalytics.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Reads single values out of the JSON text that free-form CloudTrail elements are kept as. */
final class JsonText {

  private static final JsonFactory JSON = new JsonFactory();

  private JsonText() {}

  /**
   * The text of the top-level field {@code name} of the JSON object {@code json}; null when {@code
   * json} is null or not an object, or the field is absent or not a scalar.
   */
  static String topLevelField(String json, String name) {
    if (json == null || json.isEmpty()) {
      return null;
    }
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = name.equals(p.currentName());
        JsonToken value = p.nextToken();
        if (wanted) {
          return value.isScalarValue() && value != JsonToken.VALUE_NULL ? p.getText() : null;
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
