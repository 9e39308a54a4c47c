package com.cloudtrailanalytics.findings.sigma;

import com.cloudtrailanalytics.event.UserIdentity;
import java.util.List;
import java.util.function.Predicate;

/** The {@code userIdentity...} fields of {@link EventFields}, under CloudTrail's JSON names. */
final class IdentityFields {

  private IdentityFields() {}

  /** The values at {@code path}, which starts with {@code userIdentity}. */
  static List<String> values(EventFields fields, UserIdentity identity, FieldPath path) {
    if (identity == null || path.length() < 2) {
      return List.of();
    }
    return switch (path.segment(1)) {
      case "type" -> leaf(path, 2, identity.type());
      case "principalId" -> leaf(path, 2, identity.principalId());
      case "arn" -> leaf(path, 2, identity.arn());
      case "accountId" -> leaf(path, 2, identity.accountId());
      case "accessKeyId" -> leaf(path, 2, identity.accessKeyId());
      case "userName" -> leaf(path, 2, identity.userName());
      case "invokedBy" -> leaf(path, 2, identity.invokedBy());
      case "identityProvider" -> leaf(path, 2, identity.identityProvider());
      case "credentialId" -> leaf(path, 2, identity.credentialId());
      case "onBehalfOf" -> fields.onBehalfOf(identity.onBehalfOf(), path, 2);
      case "inScopeOf" -> fields.inScopeOf(identity.inScopeOf(), path, 2);
      case "sessionContext" -> sessionContext(fields, identity, path);
      default -> List.of();
    };
  }

  private static List<String> sessionContext(
      EventFields fields, UserIdentity identity, FieldPath path) {
    if (path.length() < 3) {
      return List.of();
    }
    return switch (path.segment(2)) {
      case "sessionIssuer" -> sessionIssuer(identity.sessionIssuer(), path);
      case "attributes" ->
          path.length() != 4
              ? List.of()
              : switch (path.segment(3)) {
                case "mfaAuthenticated" -> EventFields.single(identity.mfaAuthenticated());
                case "creationDate" -> EventFields.single(identity.sessionCreationDate());
                default -> List.of();
              };
      case "sourceIdentity" -> leaf(path, 3, identity.sourceIdentity());
      case "ec2RoleDelivery" -> leaf(path, 3, identity.ec2RoleDelivery());
      case "assumedRoot" -> leaf(path, 3, identity.assumedRoot());
      case "webIdFederationData" ->
          fields.webIdFederationData(identity.webIdFederationData(), path, 3);
      default -> List.of();
    };
  }

  private static List<String> sessionIssuer(UserIdentity.SessionIssuer issuer, FieldPath path) {
    if (issuer == null || path.length() != 4) {
      return List.of();
    }
    return switch (path.segment(3)) {
      case "type" -> EventFields.single(issuer.type());
      case "principalId" -> EventFields.single(issuer.principalId());
      case "arn" -> EventFields.single(issuer.arn());
      case "accountId" -> EventFields.single(issuer.accountId());
      case "userName" -> EventFields.single(issuer.userName());
      default -> List.of();
    };
  }

  /** Whether some value of the identity, its free-form elements included, passes {@code test}. */
  static boolean anyValue(EventFields fields, UserIdentity identity, Predicate<String> test) {
    if (identity == null) {
      return false;
    }
    UserIdentity.SessionIssuer issuer = identity.sessionIssuer();
    return EventFields.anyOf(
            test,
            identity.type(),
            identity.principalId(),
            identity.arn(),
            identity.accountId(),
            identity.accessKeyId(),
            identity.userName(),
            identity.invokedBy(),
            identity.identityProvider(),
            identity.credentialId(),
            identity.mfaAuthenticated(),
            identity.sessionCreationDate(),
            identity.sourceIdentity(),
            identity.ec2RoleDelivery(),
            identity.assumedRoot())
        || (issuer != null
            && EventFields.anyOf(
                test,
                issuer.type(),
                issuer.principalId(),
                issuer.arn(),
                issuer.accountId(),
                issuer.userName()))
        || fields.anyIdentityScalar(identity, test);
  }

  /** A field with nothing below it: its value only when the path ends at it. */
  private static List<String> leaf(FieldPath path, int length, String value) {
    return path.length() == length ? EventFields.single(value) : List.of();
  }
}
