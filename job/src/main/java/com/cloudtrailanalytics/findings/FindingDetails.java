package com.cloudtrailanalytics.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A finding's {@code details}: what matched, as one JSON object, keys in the order given. */
public final class FindingDetails {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FindingDetails() {}

  public static String json(Map<String, ?> details) {
    try {
      return JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("details that JSON cannot hold: " + details, e);
    }
  }
}
