package com.cloudtrailanalytics.format;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.UserIdentity;
import java.util.List;

/** Mutable builder for {@link CloudTrailEvent}, used by the parser and by tests. */
public final class CloudTrailEventBuilder {

  private String eventVersion;
  private UserIdentity userIdentity;
  private long eventTimeMillis;
  private String eventSource;
  private String eventName;
  private String awsRegion;
  private String sourceIpAddress;
  private String userAgent;
  private String errorCode;
  private String errorMessage;
  private String requestParameters;
  private String responseElements;
  private String additionalEventData;
  private String requestId;
  private String eventId;
  private List<CloudTrailEvent.Resource> resources = List.of();
  private String eventType;
  private String apiVersion;
  private Boolean readOnly;
  private String recipientAccountId;
  private String serviceEventDetails;
  private String sharedEventId;
  private String vpcEndpointId;
  private String vpcEndpointAccountId;
  private Boolean managementEvent;
  private String eventCategory;
  private CloudTrailEvent.TlsDetails tlsDetails;
  private String sessionCredentialFromConsole;
  private String edgeDeviceDetails;
  private String addendum;
  private String sourceFile;
  private String sourceAccountId;

  public CloudTrailEventBuilder eventVersion(String value) {
    eventVersion = value;
    return this;
  }

  public CloudTrailEventBuilder userIdentity(UserIdentity value) {
    userIdentity = value;
    return this;
  }

  public CloudTrailEventBuilder eventTimeMillis(long value) {
    eventTimeMillis = value;
    return this;
  }

  public CloudTrailEventBuilder eventSource(String value) {
    eventSource = value;
    return this;
  }

  public CloudTrailEventBuilder eventName(String value) {
    eventName = value;
    return this;
  }

  public CloudTrailEventBuilder awsRegion(String value) {
    awsRegion = value;
    return this;
  }

  public CloudTrailEventBuilder sourceIpAddress(String value) {
    sourceIpAddress = value;
    return this;
  }

  public CloudTrailEventBuilder userAgent(String value) {
    userAgent = value;
    return this;
  }

  public CloudTrailEventBuilder errorCode(String value) {
    errorCode = value;
    return this;
  }

  public CloudTrailEventBuilder errorMessage(String value) {
    errorMessage = value;
    return this;
  }

  public CloudTrailEventBuilder requestParameters(String value) {
    requestParameters = value;
    return this;
  }

  public CloudTrailEventBuilder responseElements(String value) {
    responseElements = value;
    return this;
  }

  public CloudTrailEventBuilder additionalEventData(String value) {
    additionalEventData = value;
    return this;
  }

  public CloudTrailEventBuilder requestId(String value) {
    requestId = value;
    return this;
  }

  public CloudTrailEventBuilder eventId(String value) {
    eventId = value;
    return this;
  }

  public CloudTrailEventBuilder resources(List<CloudTrailEvent.Resource> value) {
    resources = value;
    return this;
  }

  public CloudTrailEventBuilder eventType(String value) {
    eventType = value;
    return this;
  }

  public CloudTrailEventBuilder apiVersion(String value) {
    apiVersion = value;
    return this;
  }

  public CloudTrailEventBuilder readOnly(Boolean value) {
    readOnly = value;
    return this;
  }

  public CloudTrailEventBuilder recipientAccountId(String value) {
    recipientAccountId = value;
    return this;
  }

  public CloudTrailEventBuilder serviceEventDetails(String value) {
    serviceEventDetails = value;
    return this;
  }

  public CloudTrailEventBuilder sharedEventId(String value) {
    sharedEventId = value;
    return this;
  }

  public CloudTrailEventBuilder vpcEndpointId(String value) {
    vpcEndpointId = value;
    return this;
  }

  public CloudTrailEventBuilder vpcEndpointAccountId(String value) {
    vpcEndpointAccountId = value;
    return this;
  }

  public CloudTrailEventBuilder managementEvent(Boolean value) {
    managementEvent = value;
    return this;
  }

  public CloudTrailEventBuilder eventCategory(String value) {
    eventCategory = value;
    return this;
  }

  public CloudTrailEventBuilder tlsDetails(CloudTrailEvent.TlsDetails value) {
    tlsDetails = value;
    return this;
  }

  public CloudTrailEventBuilder sessionCredentialFromConsole(String value) {
    sessionCredentialFromConsole = value;
    return this;
  }

  public CloudTrailEventBuilder edgeDeviceDetails(String value) {
    edgeDeviceDetails = value;
    return this;
  }

  public CloudTrailEventBuilder addendum(String value) {
    addendum = value;
    return this;
  }

  public CloudTrailEventBuilder sourceFile(String value) {
    sourceFile = value;
    return this;
  }

  public CloudTrailEventBuilder sourceAccountId(String value) {
    sourceAccountId = value;
    return this;
  }

  public CloudTrailEvent build() {
    return new CloudTrailEvent(
        eventVersion,
        userIdentity,
        eventTimeMillis,
        eventSource,
        eventName,
        awsRegion,
        sourceIpAddress,
        userAgent,
        errorCode,
        errorMessage,
        requestParameters,
        responseElements,
        additionalEventData,
        requestId,
        eventId,
        resources,
        eventType,
        apiVersion,
        readOnly,
        recipientAccountId,
        serviceEventDetails,
        sharedEventId,
        vpcEndpointId,
        vpcEndpointAccountId,
        managementEvent,
        eventCategory,
        tlsDetails,
        sessionCredentialFromConsole,
        edgeDeviceDetails,
        addendum,
        sourceFile,
        sourceAccountId);
  }
}
