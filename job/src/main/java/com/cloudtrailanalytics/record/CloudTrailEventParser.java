package com.cloudtrailanalytics.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of one CloudTrail record (one element of a file's {@code Records} array) into a
 * {@link CloudTrailEvent} with Jackson's streaming parser.
 *
 * <p>Free-form objects are cut out of the input as their original JSON text rather than parsed and
 * written again, unless they hold a secret ({@link Secrets}). Unknown fields are skipped, so newer
 * CloudTrail fields never break reading.
 */
public final class CloudTrailEventParser {

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * @param bytes the record's UTF-8 bytes, starting at index 0
   * @param file the file the record was read from
   * @throws RecordRejectedException when the record is not valid JSON, not UTF-8, or has no usable
   *     {@code eventTime}
   */
  public CloudTrailEvent parse(byte[] bytes, int length, TrailFile file)
      throws RecordRejectedException {
    int invalid = Utf8.firstInvalidByte(bytes, 0, length);
    if (invalid >= 0) {
      throw new RecordRejectedException(
          RejectReason.INVALID_UTF8,
          String.format(
              "byte 0x%02X at offset %d of the record is not valid UTF-8",
              bytes[invalid] & 0xFF, invalid));
    }
    CloudTrailEventBuilder event =
        new CloudTrailEventBuilder().sourceFile(file.path()).sourceAccountId(file.accountId());
    String eventTime;
    try (JsonParser parser = JSON.createParser(bytes, 0, length)) {
      eventTime = readRecord(parser, bytes, event);
    } catch (IOException e) {
      throw new RecordRejectedException(
          RejectReason.INVALID_RECORD_JSON, "not valid JSON: " + firstLine(e.getMessage()));
    }
    if (eventTime == null || eventTime.isEmpty()) {
      throw new RecordRejectedException(
          RejectReason.MISSING_EVENT_TIME, "the record has no eventTime");
    }
    try {
      event.eventTimeMillis(EventTime.parseMillis(eventTime));
    } catch (DateTimeException e) {
      throw new RecordRejectedException(
          RejectReason.INVALID_EVENT_TIME, "eventTime " + e.getMessage());
    }
    return event.build();
  }

  /** Reads the record's fields into {@code event}; returns the raw {@code eventTime}. */
  private static String readRecord(JsonParser p, byte[] bytes, CloudTrailEventBuilder event)
      throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException("a record must be a JSON object");
    }
    String eventTime = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "eventVersion" -> event.eventVersion(text(p, bytes));
        case "userIdentity" -> event.userIdentity(readIdentity(p, bytes));
        case "eventTime" -> eventTime = text(p, bytes);
        case "eventSource" -> event.eventSource(text(p, bytes));
        case "eventName" -> event.eventName(text(p, bytes));
        case "awsRegion" -> event.awsRegion(text(p, bytes));
        case "sourceIPAddress" -> event.sourceIpAddress(text(p, bytes));
        case "userAgent" -> event.userAgent(text(p, bytes));
        case "errorCode" -> event.errorCode(text(p, bytes));
        case "errorMessage" -> event.errorMessage(text(p, bytes));
        case "requestParameters" -> event.requestParameters(json(p, bytes));
        case "responseElements" -> event.responseElements(json(p, bytes));
        case "additionalEventData" -> event.additionalEventData(json(p, bytes));
        case "requestID" -> event.requestId(text(p, bytes));
        case "eventID" -> event.eventId(text(p, bytes));
        case "resources" -> event.resources(readResources(p, bytes));
        case "eventType" -> event.eventType(text(p, bytes));
        case "apiVersion" -> event.apiVersion(text(p, bytes));
        case "readOnly" -> event.readOnly(bool(p));
        case "recipientAccountId" -> event.recipientAccountId(text(p, bytes));
        case "serviceEventDetails" -> event.serviceEventDetails(json(p, bytes));
        case "sharedEventID" -> event.sharedEventId(text(p, bytes));
        case "vpcEndpointId" -> event.vpcEndpointId(text(p, bytes));
        case "vpcEndpointAccountId" -> event.vpcEndpointAccountId(text(p, bytes));
        case "managementEvent" -> event.managementEvent(bool(p));
        case "eventCategory" -> event.eventCategory(text(p, bytes));
        case "tlsDetails" -> event.tlsDetails(readTlsDetails(p, bytes));
        case "sessionCredentialFromConsole" -> event.sessionCredentialFromConsole(text(p, bytes));
        case "edgeDeviceDetails" -> event.edgeDeviceDetails(json(p, bytes));
        case "addendum" -> event.addendum(json(p, bytes));
        default -> p.skipChildren();
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
      throw new IOException("unexpected content after the record's closing brace");
    }
    return eventTime;
  }

  private static UserIdentity readIdentity(JsonParser p, byte[] bytes) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    UserIdentity.Builder identity = new UserIdentity.Builder();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "type" -> identity.type(text(p, bytes));
        case "principalId" -> identity.principalId(text(p, bytes));
        case "arn" -> identity.arn(text(p, bytes));
        case "accountId" -> identity.accountId(text(p, bytes));
        case "accessKeyId" -> identity.accessKeyId(text(p, bytes));
        case "userName" -> identity.userName(text(p, bytes));
        case "invokedBy" -> identity.invokedBy(text(p, bytes));
        case "identityProvider" -> identity.identityProvider(text(p, bytes));
        case "credentialId" -> identity.credentialId(text(p, bytes));
        case "sessionContext" -> readSessionContext(p, bytes, identity);
        case "onBehalfOf" -> identity.onBehalfOf(json(p, bytes));
        case "inScopeOf" -> identity.inScopeOf(json(p, bytes));
        default -> p.skipChildren();
      }
    }
    return identity.build();
  }

  private static void readSessionContext(JsonParser p, byte[] bytes, UserIdentity.Builder identity)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "sessionIssuer" -> identity.sessionIssuer(readSessionIssuer(p, bytes));
        case "webIdFederationData" -> identity.webIdFederationData(json(p, bytes));
        case "attributes" -> readSessionAttributes(p, bytes, identity);
        case "sourceIdentity" -> identity.sourceIdentity(text(p, bytes));
        case "ec2RoleDelivery" -> identity.ec2RoleDelivery(text(p, bytes));
        case "assumedRoot" -> identity.assumedRoot(text(p, bytes));
        default -> p.skipChildren();
      }
    }
  }

  private static void readSessionAttributes(
      JsonParser p, byte[] bytes, UserIdentity.Builder identity) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "mfaAuthenticated" -> identity.mfaAuthenticated(text(p, bytes));
        case "creationDate" -> identity.sessionCreationDate(text(p, bytes));
        default -> p.skipChildren();
      }
    }
  }

  private static UserIdentity.SessionIssuer readSessionIssuer(JsonParser p, byte[] bytes)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    String type = null;
    String principalId = null;
    String arn = null;
    String accountId = null;
    String userName = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "type" -> type = text(p, bytes);
        case "principalId" -> principalId = text(p, bytes);
        case "arn" -> arn = text(p, bytes);
        case "accountId" -> accountId = text(p, bytes);
        case "userName" -> userName = text(p, bytes);
        default -> p.skipChildren();
      }
    }
    return new UserIdentity.SessionIssuer(type, principalId, arn, accountId, userName);
  }

  private static List<CloudTrailEvent.Resource> readResources(JsonParser p, byte[] bytes)
      throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return List.of();
    }
    List<CloudTrailEvent.Resource> resources = new ArrayList<>(2);
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      String arn = null;
      String accountId = null;
      String type = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "ARN" -> arn = text(p, bytes);
          case "accountId" -> accountId = text(p, bytes);
          case "type" -> type = text(p, bytes);
          default -> p.skipChildren();
        }
      }
      resources.add(new CloudTrailEvent.Resource(arn, accountId, type));
    }
    return resources;
  }

  private static CloudTrailEvent.TlsDetails readTlsDetails(JsonParser p, byte[] bytes)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    String version = null;
    String cipherSuite = null;
    String hostHeader = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "tlsVersion" -> version = text(p, bytes);
        case "cipherSuite" -> cipherSuite = text(p, bytes);
        case "clientProvidedHostHeader" -> hostHeader = text(p, bytes);
        default -> p.skipChildren();
      }
    }
    return new CloudTrailEvent.TlsDetails(version, cipherSuite, hostHeader);
  }

  /** A scalar as text; an unexpected object or array is kept as its JSON text. */
  private static String text(JsonParser p, byte[] bytes) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token.isStructStart()) {
      return json(p, bytes);
    }
    return p.getText();
  }

  /**
   * A value as its JSON text with every secret redacted ({@link Secrets}), cut from the input bytes
   * without re-serialising unless it holds a secret. Every JSON column goes through here, so no
   * column can carry a secret, whatever element it comes from.
   */
  private static String json(JsonParser p, byte[] bytes) throws IOException {
    return Secrets.redactJson(rawJson(p, bytes));
  }

  private static String rawJson(JsonParser p, byte[] bytes) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isStructStart()) {
      return token == JsonToken.VALUE_STRING
          ? '"' + new String(JsonStringEncoder.getInstance().quoteAsString(p.getText())) + '"'
          : p.getText();
    }
    int start = (int) p.currentTokenLocation().getByteOffset();
    p.skipChildren();
    int end = (int) p.currentLocation().getByteOffset();
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }

  /** CloudTrail writes booleans as JSON booleans; older and hand-made records use strings. */
  private static Boolean bool(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_STRING -> {
        String text = p.getText();
        yield "true".equalsIgnoreCase(text)
            ? Boolean.TRUE
            : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
      }
      default -> {
        p.skipChildren();
        yield null;
      }
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
