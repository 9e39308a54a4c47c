package com.cloudtrailanalytics.event;

/**
 * The {@code userIdentity} element of a CloudTrail record: who made the request.
 *
 * @param sessionIssuer for temporary credentials, the entity that issued them (e.g. the role)
 * @param onBehalfOf JSON text of {@code onBehalfOf} (IAM Identity Center), or null
 * @param inScopeOf JSON text of {@code inScopeOf}, or null
 * @param webIdFederationData JSON text of {@code sessionContext.webIdFederationData}, or null
 */
public record UserIdentity(
    String type,
    String principalId,
    String arn,
    String accountId,
    String accessKeyId,
    String userName,
    String invokedBy,
    String identityProvider,
    String credentialId,
    SessionIssuer sessionIssuer,
    String mfaAuthenticated,
    String sessionCreationDate,
    String sourceIdentity,
    String ec2RoleDelivery,
    String assumedRoot,
    String webIdFederationData,
    String onBehalfOf,
    String inScopeOf) {

  /** The {@code sessionContext.sessionIssuer} element. */
  public record SessionIssuer(
      String type, String principalId, String arn, String accountId, String userName) {}

  public static UserIdentity ofType(String type) {
    return new Builder().type(type).build();
  }

  /** Mutable builder used by the parser and by tests. */
  public static final class Builder {
    private String type;
    private String principalId;
    private String arn;
    private String accountId;
    private String accessKeyId;
    private String userName;
    private String invokedBy;
    private String identityProvider;
    private String credentialId;
    private SessionIssuer sessionIssuer;
    private String mfaAuthenticated;
    private String sessionCreationDate;
    private String sourceIdentity;
    private String ec2RoleDelivery;
    private String assumedRoot;
    private String webIdFederationData;
    private String onBehalfOf;
    private String inScopeOf;

    public Builder type(String value) {
      type = value;
      return this;
    }

    public Builder principalId(String value) {
      principalId = value;
      return this;
    }

    public Builder arn(String value) {
      arn = value;
      return this;
    }

    public Builder accountId(String value) {
      accountId = value;
      return this;
    }

    public Builder accessKeyId(String value) {
      accessKeyId = value;
      return this;
    }

    public Builder userName(String value) {
      userName = value;
      return this;
    }

    public Builder invokedBy(String value) {
      invokedBy = value;
      return this;
    }

    public Builder identityProvider(String value) {
      identityProvider = value;
      return this;
    }

    public Builder credentialId(String value) {
      credentialId = value;
      return this;
    }

    public Builder sessionIssuer(SessionIssuer value) {
      sessionIssuer = value;
      return this;
    }

    public Builder mfaAuthenticated(String value) {
      mfaAuthenticated = value;
      return this;
    }

    public Builder sessionCreationDate(String value) {
      sessionCreationDate = value;
      return this;
    }

    public Builder sourceIdentity(String value) {
      sourceIdentity = value;
      return this;
    }

    public Builder ec2RoleDelivery(String value) {
      ec2RoleDelivery = value;
      return this;
    }

    public Builder assumedRoot(String value) {
      assumedRoot = value;
      return this;
    }

    public Builder webIdFederationData(String value) {
      webIdFederationData = value;
      return this;
    }

    public Builder onBehalfOf(String value) {
      onBehalfOf = value;
      return this;
    }

    public Builder inScopeOf(String value) {
      inScopeOf = value;
      return this;
    }

    public UserIdentity build() {
      return new UserIdentity(
          type,
          principalId,
          arn,
          accountId,
          accessKeyId,
          userName,
          invokedBy,
          identityProvider,
          credentialId,
          sessionIssuer,
          mfaAuthenticated,
          sessionCreationDate,
          sourceIdentity,
          ec2RoleDelivery,
          assumedRoot,
          webIdFederationData,
          onBehalfOf,
          inScopeOf);
    }
  }
}
