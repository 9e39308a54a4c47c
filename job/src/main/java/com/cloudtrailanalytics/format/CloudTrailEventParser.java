package com.cloudtrailanalytics.format;

import static com.cloudtrailanalytics.format.RecordJson.bool;
import static com.cloudtrailanalytics.format.RecordJson.json;
import static com.cloudtrailanalytics.format.RecordJson.text;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.event.UserIdentity;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
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

  /**
   * @param bytes the record's UTF-8 bytes, starting at index 0
   * @param file the file the record was read from
   * @throws RecordRejectedException when the record is not valid JSON, not UTF-8, or has no usable
   *     {@code eventTime}
   */
  public CloudTrailEvent parse(byte[] bytes, int length, TrailFile file)
      throws RecordRejectedException {
    CloudTrailEventBuilder event =
        new CloudTrailEventBuilder().sourceFile(file.path()).sourceAccountId(file.accountId());
    String[] eventTime = new String[1];
    RecordJson.read(
        bytes,
        length,
        (field, p) -> {
          if (field.equals("eventTime")) {
            eventTime[0] = text(p, bytes);
          } else {
            readField(field, p, bytes, event);
          }
        });
    return event.eventTimeMillis(RecordJson.eventTimeMillis(eventTime[0])).build();
  }

  private static void readField(
      String field, JsonParser p, byte[] bytes, CloudTrailEventBuilder event) throws IOException {
    switch (field) {
      case "eventVersion" -> event.eventVersion(text(p, bytes));
      case "userIdentity" -> event.userIdentity(readIdentity(p, bytes));
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

  private static UserIdentity readIdentity(JsonParser p, byte[] bytes) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    UserIdentity.Builder identity = new UserIdentity.Builder();
    RecordJson.readObject(
        p,
        (field, value) -> {
          switch (field) {
            case "type" -> identity.type(text(value, bytes));
            case "principalId" -> identity.principalId(text(value, bytes));
            case "arn" -> identity.arn(text(value, bytes));
            case "accountId" -> identity.accountId(text(value, bytes));
            case "accessKeyId" -> identity.accessKeyId(text(value, bytes));
            case "userName" -> identity.userName(text(value, bytes));
            case "invokedBy" -> identity.invokedBy(text(value, bytes));
            case "identityProvider" -> identity.identityProvider(text(value, bytes));
            case "credentialId" -> identity.credentialId(text(value, bytes));
            case "sessionContext" -> readSessionContext(value, bytes, identity);
            case "onBehalfOf" -> identity.onBehalfOf(json(value, bytes));
            case "inScopeOf" -> identity.inScopeOf(json(value, bytes));
            default -> value.skipChildren();
          }
        });
    return identity.build();
  }

  private static void readSessionContext(JsonParser p, byte[] bytes, UserIdentity.Builder identity)
      throws IOException {
    RecordJson.readObject(
        p,
        (field, value) -> {
          switch (field) {
            case "sessionIssuer" -> identity.sessionIssuer(readSessionIssuer(value, bytes));
            case "webIdFederationData" -> identity.webIdFederationData(json(value, bytes));
            case "attributes" -> readSessionAttributes(value, bytes, identity);
            case "sourceIdentity" -> identity.sourceIdentity(text(value, bytes));
            case "ec2RoleDelivery" -> identity.ec2RoleDelivery(text(value, bytes));
            case "assumedRoot" -> identity.assumedRoot(text(value, bytes));
            default -> value.skipChildren();
          }
        });
  }

  private static void readSessionAttributes(
      JsonParser p, byte[] bytes, UserIdentity.Builder identity) throws IOException {
    RecordJson.readObject(
        p,
        (field, value) -> {
          switch (field) {
            case "mfaAuthenticated" -> identity.mfaAuthenticated(text(value, bytes));
            case "creationDate" -> identity.sessionCreationDate(text(value, bytes));
            default -> value.skipChildren();
          }
        });
  }

  private static UserIdentity.SessionIssuer readSessionIssuer(JsonParser p, byte[] bytes)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    String[] issuer = new String[5];
    RecordJson.readObject(
        p,
        (field, value) -> {
          switch (field) {
            case "type" -> issuer[0] = text(value, bytes);
            case "principalId" -> issuer[1] = text(value, bytes);
            case "arn" -> issuer[2] = text(value, bytes);
            case "accountId" -> issuer[3] = text(value, bytes);
            case "userName" -> issuer[4] = text(value, bytes);
            default -> value.skipChildren();
          }
        });
    return new UserIdentity.SessionIssuer(issuer[0], issuer[1], issuer[2], issuer[3], issuer[4]);
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
      String[] resource = new String[3];
      RecordJson.readObject(
          p,
          (field, value) -> {
            switch (field) {
              case "ARN" -> resource[0] = text(value, bytes);
              case "accountId" -> resource[1] = text(value, bytes);
              case "type" -> resource[2] = text(value, bytes);
              default -> value.skipChildren();
            }
          });
      resources.add(new CloudTrailEvent.Resource(resource[0], resource[1], resource[2]));
    }
    return resources;
  }

  private static CloudTrailEvent.TlsDetails readTlsDetails(JsonParser p, byte[] bytes)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    String[] tls = new String[3];
    RecordJson.readObject(
        p,
        (field, value) -> {
          switch (field) {
            case "tlsVersion" -> tls[0] = text(value, bytes);
            case "cipherSuite" -> tls[1] = text(value, bytes);
            case "clientProvidedHostHeader" -> tls[2] = text(value, bytes);
            default -> value.skipChildren();
          }
        });
    return new CloudTrailEvent.TlsDetails(tls[0], tls[1], tls[2]);
  }
}
