package com.cloudtrailanalytics.event;

import java.util.List;

/**
 * One CloudTrail event as the trail records it, plus the file it was read from.
 *
 * <p>Free-form elements ({@code requestParameters}, {@code responseElements}, {@code
 * additionalEventData}, {@code serviceEventDetails}, {@code edgeDeviceDetails}, {@code addendum})
 * are kept as their JSON text. The derived values every table shares ({@link #accountId()}, {@link
 * #principal()}, {@link #userName()}, {@link #isError()}, {@link #loginResult()}) are defined here
 * once.
 *
 * @param sourceAccountId the account in the file's key, or null when the key has none
 */
public record CloudTrailEvent(
    String eventVersion,
    UserIdentity userIdentity,
    long eventTimeMillis,
    String eventSource,
    String eventName,
    String awsRegion,
    String sourceIpAddress,
    String userAgent,
    String errorCode,
    String errorMessage,
    String requestParameters,
    String responseElements,
    String additionalEventData,
    String requestId,
    String eventId,
    List<Resource> resources,
    String eventType,
    String apiVersion,
    Boolean readOnly,
    String recipientAccountId,
    String serviceEventDetails,
    String sharedEventId,
    String vpcEndpointId,
    String vpcEndpointAccountId,
    Boolean managementEvent,
    String eventCategory,
    TlsDetails tlsDetails,
    String sessionCredentialFromConsole,
    String edgeDeviceDetails,
    String addendum,
    String sourceFile,
    String sourceAccountId)
    implements TrailItem {

  public static final String UNKNOWN = "unknown";

  private static final String IDENTITY_CENTER_USER = "IdentityCenterUser";

  /** An element of {@code resources}. */
  public record Resource(String arn, String accountId, String type) {}

  /** The {@code tlsDetails} element. */
  public record TlsDetails(
      String tlsVersion, String cipherSuite, String clientProvidedHostHeader) {}

  /**
   * The account the event belongs to: {@code recipientAccountId}, else {@code
   * userIdentity.accountId}, else the account in the file's key, else {@value #UNKNOWN}.
   */
  public String accountId() {
    return firstPresent(
        recipientAccountId,
        userIdentity == null ? null : userIdentity.accountId(),
        sourceAccountId);
  }

  /**
   * Who acted, stable across sessions: for {@code AssumedRole} the role (the session issuer's ARN);
   * for an IAM Identity Center user, the user in the identity store ({@code
   * <identityStoreArn>/user/<onBehalfOf.userId>}); otherwise the first present of {@code arn},
   * {@code invokedBy}, {@code principalId}, {@code type}, else {@value #UNKNOWN}.
   */
  public String principal() {
    if (userIdentity == null) {
      return UNKNOWN;
    }
    UserIdentity.SessionIssuer issuer = userIdentity.sessionIssuer();
    if ("AssumedRole".equals(userIdentity.type()) && issuer != null && isPresent(issuer.arn())) {
      return issuer.arn();
    }
    String identityCenterUser = identityCenterUser();
    if (identityCenterUser != null) {
      return identityCenterUser;
    }
    return firstPresent(
        userIdentity.arn(),
        userIdentity.invokedBy(),
        userIdentity.principalId(),
        userIdentity.type());
  }

  /**
   * A readable name: {@code userIdentity.userName}, else the session issuer's {@code userName},
   * else {@code root} for the Root identity, else for an IAM Identity Center user the name the
   * record carries ({@code additionalEventData.UserName}), else the {@link #principal()}.
   */
  public String userName() {
    if (userIdentity != null) {
      if (isPresent(userIdentity.userName())) {
        return userIdentity.userName();
      }
      UserIdentity.SessionIssuer issuer = userIdentity.sessionIssuer();
      if (issuer != null && isPresent(issuer.userName())) {
        return issuer.userName();
      }
      if ("Root".equals(userIdentity.type())) {
        return "root";
      }
      if (IDENTITY_CENTER_USER.equals(userIdentity.type())) {
        String name = JsonText.topLevelField(additionalEventData, "UserName");
        if (isPresent(name)) {
          return name;
        }
      }
    }
    return principal();
  }

  /**
   * The role session's name for work done through a role ({@code AssumedRole}): the last part of
   * the assumed-role ARN ({@code arn:aws:sts::<account>:assumed-role/<role>/<session>}), else the
   * part of {@code principalId} after its colon. For SSO permission sets, SAML and web identity
   * federation it names the person; null for other identities.
   */
  public String sessionName() {
    if (userIdentity == null || !"AssumedRole".equals(userIdentity.type())) {
      return null;
    }
    String arn = userIdentity.arn();
    if (arn != null && arn.contains(":assumed-role/")) {
      String session = arn.substring(arn.lastIndexOf('/') + 1);
      if (!session.isEmpty() && arn.indexOf('/') < arn.lastIndexOf('/')) {
        return session;
      }
    }
    String principalId = userIdentity.principalId();
    int colon = principalId == null ? -1 : principalId.indexOf(':');
    return colon < 0 || colon == principalId.length() - 1 ? null : principalId.substring(colon + 1);
  }

  /** For an IAM Identity Center user, {@code <identityStoreArn>/user/<userId>}; else null. */
  private String identityCenterUser() {
    if (!IDENTITY_CENTER_USER.equals(userIdentity.type())) {
      return null;
    }
    String userId = JsonText.topLevelField(userIdentity.onBehalfOf(), "userId");
    if (!isPresent(userId)) {
      return null;
    }
    String store = JsonText.topLevelField(userIdentity.onBehalfOf(), "identityStoreArn");
    return isPresent(store) ? store + "/user/" + userId : userId;
  }

  /** The {@code userIdentity.type}, or null when the record has no identity. */
  public String identityType() {
    return userIdentity == null ? null : userIdentity.type();
  }

  /** An error is an event with a non-empty {@code errorCode}. */
  public boolean isError() {
    return isPresent(errorCode);
  }

  /** A sign-in to the AWS Management Console, successful or not. */
  public boolean isConsoleLogin() {
    return "ConsoleLogin".equals(eventName) && "signin.amazonaws.com".equals(eventSource);
  }

  /**
   * For a console sign-in, {@code Success} or {@code Failure} as {@code
   * responseElements.ConsoleLogin} says; {@code Failure} when that is missing but the event has an
   * {@code errorMessage}. Null for other events.
   */
  public String loginResult() {
    if (!isConsoleLogin()) {
      return null;
    }
    String result = JsonText.topLevelField(responseElements, "ConsoleLogin");
    if (result == null && isPresent(errorMessage)) {
      return "Failure";
    }
    return result;
  }

  /**
   * For a console sign-in, whether {@code additionalEventData.MFAUsed} is {@code Yes}, in any case
   * (AWS's own example of a root sign-in with MFA says {@code YES}). Null for other events.
   */
  public Boolean mfaUsed() {
    if (!isConsoleLogin()) {
      return null;
    }
    return "Yes".equalsIgnoreCase(JsonText.topLevelField(additionalEventData, "MFAUsed"));
  }

  private static String firstPresent(String... candidates) {
    for (String candidate : candidates) {
      if (isPresent(candidate)) {
        return candidate;
      }
    }
    return UNKNOWN;
  }

  private static boolean isPresent(String value) {
    return value != null && !value.isEmpty();
  }
}
