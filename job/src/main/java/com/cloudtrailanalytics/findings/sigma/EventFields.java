package com.cloudtrailanalytics.findings.sigma;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.UserIdentity;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link CloudTrailEvent} as Sigma rules see it, under the JSON names CloudTrail writes. Make one
 * per event and match every rule against it.
 *
 * <p>The free-form elements the event keeps as JSON text ({@code requestParameters}, {@code
 * responseElements}, ...) are parsed only when a rule reaches into them, and then once: the tree is
 * kept for the other rules. Text that is not a JSON value (or is {@code null}) has no fields. A
 * path naming such an element as a whole yields its JSON text, as the events table stores it.
 *
 * <p>{@code eventTime} reads as ISO-8601 UTC ({@code 2024-03-01T10:02:17Z}). For fields the event
 * keeps typed, an absent field and a JSON null are the same: both yield no value. A path that ends
 * at a typed object ({@code userIdentity}, {@code tlsDetails}, {@code resources}) yields nothing;
 * name a field inside it. Fields CloudTrail added after the parser was written are not kept.
 */
public final class EventFields implements RecordFields {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  /** The elements kept as JSON text, which the first rule that reaches into them parses. */
  private enum FreeForm {
    REQUEST_PARAMETERS,
    RESPONSE_ELEMENTS,
    ADDITIONAL_EVENT_DATA,
    SERVICE_EVENT_DETAILS,
    EDGE_DEVICE_DETAILS,
    ADDENDUM,
    ON_BEHALF_OF,
    IN_SCOPE_OF,
    WEB_ID_FEDERATION_DATA
  }

  private final CloudTrailEvent event;
  private final Function<String, JsonNode> parser;
  private final JsonNode[] trees = new JsonNode[FreeForm.values().length];

  public EventFields(CloudTrailEvent event) {
    this(event, EventFields::parse);
  }

  /** With another JSON parser, so that tests can count how often free-form text is parsed. */
  EventFields(CloudTrailEvent event, Function<String, JsonNode> parser) {
    this.event = event;
    this.parser = parser;
  }

  @Override
  public List<String> values(FieldPath path) {
    CloudTrailEvent e = event;
    return switch (path.segment(0)) {
      case "eventVersion" -> leaf(path, e.eventVersion());
      case "userIdentity" -> IdentityFields.values(this, e.userIdentity(), path);
      case "eventTime" -> leaf(path, Instant.ofEpochMilli(e.eventTimeMillis()).toString());
      case "eventSource" -> leaf(path, e.eventSource());
      case "eventName" -> leaf(path, e.eventName());
      case "awsRegion" -> leaf(path, e.awsRegion());
      case "sourceIPAddress" -> leaf(path, e.sourceIpAddress());
      case "userAgent" -> leaf(path, e.userAgent());
      case "errorCode" -> leaf(path, e.errorCode());
      case "errorMessage" -> leaf(path, e.errorMessage());
      case "requestParameters" ->
          freeForm(FreeForm.REQUEST_PARAMETERS, e.requestParameters(), path, 1);
      case "responseElements" ->
          freeForm(FreeForm.RESPONSE_ELEMENTS, e.responseElements(), path, 1);
      case "additionalEventData" ->
          freeForm(FreeForm.ADDITIONAL_EVENT_DATA, e.additionalEventData(), path, 1);
      case "requestID" -> leaf(path, e.requestId());
      case "eventID" -> leaf(path, e.eventId());
      case "resources" -> resources(path);
      case "eventType" -> leaf(path, e.eventType());
      case "apiVersion" -> leaf(path, e.apiVersion());
      case "readOnly" -> leaf(path, e.readOnly());
      case "recipientAccountId" -> leaf(path, e.recipientAccountId());
      case "serviceEventDetails" ->
          freeForm(FreeForm.SERVICE_EVENT_DETAILS, e.serviceEventDetails(), path, 1);
      case "sharedEventID" -> leaf(path, e.sharedEventId());
      case "vpcEndpointId" -> leaf(path, e.vpcEndpointId());
      case "vpcEndpointAccountId" -> leaf(path, e.vpcEndpointAccountId());
      case "managementEvent" -> leaf(path, e.managementEvent());
      case "eventCategory" -> leaf(path, e.eventCategory());
      case "tlsDetails" -> tlsDetails(path);
      case "sessionCredentialFromConsole" -> leaf(path, e.sessionCredentialFromConsole());
      case "edgeDeviceDetails" ->
          freeForm(FreeForm.EDGE_DEVICE_DETAILS, e.edgeDeviceDetails(), path, 1);
      case "addendum" -> freeForm(FreeForm.ADDENDUM, e.addendum(), path, 1);
      default -> List.of();
    };
  }

  @Override
  public boolean anyValue(Predicate<String> test) {
    CloudTrailEvent e = event;
    for (String value :
        new String[] {
          e.eventVersion(),
          Instant.ofEpochMilli(e.eventTimeMillis()).toString(),
          e.eventSource(),
          e.eventName(),
          e.awsRegion(),
          e.sourceIpAddress(),
          e.userAgent(),
          e.errorCode(),
          e.errorMessage(),
          e.requestId(),
          e.eventId(),
          e.eventType(),
          e.apiVersion(),
          text(e.readOnly()),
          e.recipientAccountId(),
          e.sharedEventId(),
          e.vpcEndpointId(),
          e.vpcEndpointAccountId(),
          text(e.managementEvent()),
          e.eventCategory(),
          e.sessionCredentialFromConsole()
        }) {
      if (value != null && test.test(value)) {
        return true;
      }
    }
    for (CloudTrailEvent.Resource resource : e.resources()) {
      if (anyOf(test, resource.arn(), resource.accountId(), resource.type())) {
        return true;
      }
    }
    CloudTrailEvent.TlsDetails tls = e.tlsDetails();
    if (tls != null
        && anyOf(test, tls.tlsVersion(), tls.cipherSuite(), tls.clientProvidedHostHeader())) {
      return true;
    }
    return IdentityFields.anyValue(this, e.userIdentity(), test)
        || JsonValues.anyScalar(tree(FreeForm.REQUEST_PARAMETERS, e.requestParameters()), test)
        || JsonValues.anyScalar(tree(FreeForm.RESPONSE_ELEMENTS, e.responseElements()), test)
        || JsonValues.anyScalar(tree(FreeForm.ADDITIONAL_EVENT_DATA, e.additionalEventData()), test)
        || JsonValues.anyScalar(tree(FreeForm.SERVICE_EVENT_DETAILS, e.serviceEventDetails()), test)
        || JsonValues.anyScalar(tree(FreeForm.EDGE_DEVICE_DETAILS, e.edgeDeviceDetails()), test)
        || JsonValues.anyScalar(tree(FreeForm.ADDENDUM, e.addendum()), test);
  }

  /** {@code userIdentity.onBehalfOf...}, from {@code from} on. */
  List<String> onBehalfOf(String json, FieldPath path, int from) {
    return freeForm(FreeForm.ON_BEHALF_OF, json, path, from);
  }

  List<String> inScopeOf(String json, FieldPath path, int from) {
    return freeForm(FreeForm.IN_SCOPE_OF, json, path, from);
  }

  List<String> webIdFederationData(String json, FieldPath path, int from) {
    return freeForm(FreeForm.WEB_ID_FEDERATION_DATA, json, path, from);
  }

  /** Whether a scalar anywhere in the identity's free-form elements passes {@code test}. */
  boolean anyIdentityScalar(UserIdentity identity, Predicate<String> test) {
    return JsonValues.anyScalar(tree(FreeForm.ON_BEHALF_OF, identity.onBehalfOf()), test)
        || JsonValues.anyScalar(tree(FreeForm.IN_SCOPE_OF, identity.inScopeOf()), test)
        || JsonValues.anyScalar(
            tree(FreeForm.WEB_ID_FEDERATION_DATA, identity.webIdFederationData()), test);
  }

  private List<String> freeForm(FreeForm element, String json, FieldPath path, int from) {
    if (json == null) {
      return List.of();
    }
    JsonNode tree = tree(element, json);
    if (from == path.length() && tree.isContainerNode()) {
      return List.of(json);
    }
    List<String> values = new ArrayList<>(2);
    JsonValues.collect(tree, path, from, values);
    return values;
  }

  private JsonNode tree(FreeForm element, String json) {
    JsonNode tree = trees[element.ordinal()];
    if (tree == null) {
      tree = json == null ? MissingNode.getInstance() : parser.apply(json);
      trees[element.ordinal()] = tree;
    }
    return tree;
  }

  private List<String> resources(FieldPath path) {
    if (path.length() != 2 || event.resources().isEmpty()) {
      return List.of();
    }
    List<String> values = new ArrayList<>(event.resources().size());
    for (CloudTrailEvent.Resource resource : event.resources()) {
      String value =
          switch (path.segment(1)) {
            case "ARN" -> resource.arn();
            case "accountId" -> resource.accountId();
            case "type" -> resource.type();
            default -> null;
          };
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  private List<String> tlsDetails(FieldPath path) {
    CloudTrailEvent.TlsDetails tls = event.tlsDetails();
    if (tls == null || path.length() != 2) {
      return List.of();
    }
    return switch (path.segment(1)) {
      case "tlsVersion" -> single(tls.tlsVersion());
      case "cipherSuite" -> single(tls.cipherSuite());
      case "clientProvidedHostHeader" -> single(tls.clientProvidedHostHeader());
      default -> List.of();
    };
  }

  /** The value of a top-level field: only when the path names nothing below it. */
  private static List<String> leaf(FieldPath path, String value) {
    return path.length() == 1 ? single(value) : List.of();
  }

  private static List<String> leaf(FieldPath path, Boolean value) {
    return leaf(path, text(value));
  }

  static List<String> single(String value) {
    return value == null ? List.of() : Collections.singletonList(value);
  }

  static boolean anyOf(Predicate<String> test, String... values) {
    for (String value : values) {
      if (value != null && test.test(value)) {
        return true;
      }
    }
    return false;
  }

  private static String text(Boolean value) {
    return value == null ? null : value.toString();
  }

  /** The tree of a free-form element; a missing node when the text is not JSON, or null. */
  static JsonNode parse(String json) {
    try {
      JsonNode tree = JSON.readTree(json);
      return tree == null || tree.isNull() ? MissingNode.getInstance() : tree;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }
}
