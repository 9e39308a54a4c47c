package com.cloudtrailanalytics.findings;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.geo.Place;

/**
 * What a finding says of an event, and what a stateful detection keeps of it: who, where from and
 * what, and for console sign-ins the result and the place. Small, so that state grows with people
 * and addresses, not with the fields of events.
 *
 * @param loginResult for a console sign-in, Success or Failure; else null
 * @param countryIsoCode where {@code sourceIpAddress} is, when looked up and known
 */
public record Signal(
    long timeMillis,
    String eventId,
    String accountId,
    String awsRegion,
    String principal,
    String userName,
    String sessionName,
    String sourceIpAddress,
    String eventSource,
    String eventName,
    String errorCode,
    String loginResult,
    String countryIsoCode,
    Double latitude,
    Double longitude) {

  public static Signal of(CloudTrailEvent event) {
    return of(event, null);
  }

  /** The event's signal, with the place its address is at (or null when not looked up). */
  public static Signal of(CloudTrailEvent event, Place place) {
    return new Signal(
        event.eventTimeMillis(),
        event.eventId(),
        event.accountId(),
        event.awsRegion(),
        event.principal(),
        event.userName(),
        event.sessionName(),
        event.sourceIpAddress(),
        event.eventSource(),
        event.eventName(),
        event.errorCode(),
        event.loginResult(),
        place == null ? null : place.countryIsoCode(),
        place == null ? null : place.latitude(),
        place == null ? null : place.longitude());
  }

  /**
   * The person who acted: the principal, and for work through a role the session's name, which for
   * SSO and SAML sign-ins names the person behind the shared role.
   */
  public String person() {
    return sessionName == null ? principal : principal + "/" + sessionName;
  }

  public boolean successfulSignIn() {
    return "Success".equals(loginResult);
  }

  public boolean failedSignIn() {
    return "Failure".equals(loginResult);
  }

  public boolean hasCoordinates() {
    return latitude != null && longitude != null;
  }
}
