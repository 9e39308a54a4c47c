package com.cloudtrailanalytics.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.UserIdentity.SessionIssuer;
import com.cloudtrailanalytics.format.CloudTrailEventBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CloudTrailEventTest {

  private static final String ROLE_ARN = "arn:aws:iam::111122223333:role/app-role";
  private static final SessionIssuer ROLE =
      new SessionIssuer("Role", "AROAEXAMPLE", ROLE_ARN, "111122223333", "app-role");

  @Nested
  class AccountId {

    @Test
    void isTheRecipientAccountFirst() {
      assertThat(
              event(identity().accountId("222"))
                  .recipientAccountId("111")
                  .sourceAccountId("333")
                  .build()
                  .accountId())
          .isEqualTo("111");
    }

    @Test
    void fallsBackToTheIdentitysAccount() {
      assertThat(event(identity().accountId("222")).sourceAccountId("333").build().accountId())
          .isEqualTo("222");
    }

    @Test
    void fallsBackToTheAccountInTheFilesKey() {
      assertThat(
              event(identity()).recipientAccountId("").sourceAccountId("333").build().accountId())
          .isEqualTo("333");
    }

    @Test
    void isUnknownWhenNothingNamesIt() {
      assertThat(new CloudTrailEventBuilder().build().accountId()).isEqualTo("unknown");
    }
  }

  @Nested
  class Principal {

    @Test
    void isTheRoleForEverySessionOfAnAssumedRole() {
      UserIdentity.Builder session =
          identity()
              .type("AssumedRole")
              .arn("arn:aws:sts::111122223333:assumed-role/app-role/session-1")
              .principalId("AROAEXAMPLE:session-1")
              .sessionIssuer(ROLE);
      assertThat(event(session).build().principal()).isEqualTo(ROLE_ARN);
    }

    @Test
    void isTheSessionArnForAnAssumedRoleWithoutIssuer() {
      UserIdentity.Builder session =
          identity().type("AssumedRole").arn("arn:aws:sts::111122223333:assumed-role/app-role/s");
      assertThat(event(session).build().principal())
          .isEqualTo("arn:aws:sts::111122223333:assumed-role/app-role/s");
    }

    @Test
    void isTheArnOfAnIamUser() {
      assertThat(
              event(identity().type("IAMUser").arn("arn:aws:iam::1:user/alice").principalId("AIDA"))
                  .build()
                  .principal())
          .isEqualTo("arn:aws:iam::1:user/alice");
    }

    @Test
    void isTheInvokingServiceOfAnAwsService() {
      assertThat(
              event(identity().type("AWSService").invokedBy("ec2.amazonaws.com"))
                  .build()
                  .principal())
          .isEqualTo("ec2.amazonaws.com");
    }

    @Test
    void isThePrincipalIdWhenThereIsNoArn() {
      assertThat(
              event(identity().type("AWSAccount").principalId("AIDAEXAMPLE")).build().principal())
          .isEqualTo("AIDAEXAMPLE");
    }

    @Test
    void isTheTypeWhenNothingElseIsPresent() {
      assertThat(event(identity().type("Unknown").arn("")).build().principal())
          .isEqualTo("Unknown");
    }

    @Test
    void isTheUserInTheIdentityStoreForAnIdentityCenterUser() {
      UserIdentity.Builder user =
          identity()
              .type("IdentityCenterUser")
              .accountId("111122223333")
              .credentialId("EXAMPLEcredential")
              .onBehalfOf(
                  "{\"userId\":\"544894e8-80c1-707f-60e3-3ba6510dfac1\",\"identityStoreArn\":"
                      + "\"arn:aws:identitystore::111122223333:identitystore/d-9067642ac7\"}");
      assertThat(event(user).build().principal())
          .isEqualTo(
              "arn:aws:identitystore::111122223333:identitystore/d-9067642ac7/user/"
                  + "544894e8-80c1-707f-60e3-3ba6510dfac1");
    }

    @Test
    void isTheUsersIdAloneWhenTheStoreIsNotNamed() {
      UserIdentity.Builder user =
          identity().type("IdentityCenterUser").onBehalfOf("{\"userId\":\"u-1\"}");
      assertThat(event(user).build().principal()).isEqualTo("u-1");
    }

    @Test
    void isUnknownWithoutIdentity() {
      assertThat(new CloudTrailEventBuilder().build().principal()).isEqualTo("unknown");
    }
  }

  @Nested
  class UserName {

    @Test
    void isTheIdentitysUserName() {
      assertThat(
              event(identity().type("IAMUser").userName("alice").sessionIssuer(ROLE))
                  .build()
                  .userName())
          .isEqualTo("alice");
    }

    @Test
    void isTheSessionIssuersNameForARole() {
      assertThat(event(identity().type("AssumedRole").sessionIssuer(ROLE)).build().userName())
          .isEqualTo("app-role");
    }

    @Test
    void isRootForTheRootUser() {
      assertThat(event(identity().type("Root").arn("arn:aws:iam::1:root")).build().userName())
          .isEqualTo("root");
    }

    @Test
    void keepsTheHiddenNameOfAnUnknownUser() {
      assertThat(
              event(identity().type("IAMUser").userName("HIDDEN_DUE_TO_SECURITY_REASONS"))
                  .build()
                  .userName())
          .isEqualTo("HIDDEN_DUE_TO_SECURITY_REASONS");
    }

    @Test
    void isTheNameTheRecordCarriesForAnIdentityCenterUser() {
      UserIdentity.Builder user =
          identity().type("IdentityCenterUser").onBehalfOf("{\"userId\":\"u-1\"}");
      assertThat(
              event(user)
                  .additionalEventData("{\"CredentialType\":\"PASSWORD\",\"UserName\":\"jane\"}")
                  .build()
                  .userName())
          .isEqualTo("jane");
      assertThat(event(user).build().userName()).isEqualTo("u-1");
    }

    @Test
    void isThePrincipalOtherwise() {
      assertThat(
              event(identity().type("AWSService").invokedBy("lambda.amazonaws.com"))
                  .build()
                  .userName())
          .isEqualTo("lambda.amazonaws.com");
    }
  }

  @Test
  void anErrorIsAnEventWithANonEmptyErrorCode() {
    assertThat(new CloudTrailEventBuilder().errorCode("AccessDenied").build().isError()).isTrue();
    assertThat(
            new CloudTrailEventBuilder()
                .errorCode("")
                .errorMessage("Failed authentication")
                .build()
                .isError())
        .isFalse();
    assertThat(new CloudTrailEventBuilder().build().isError()).isFalse();
  }

  @Nested
  class SessionName {

    @Test
    void isTheLastPartOfTheAssumedRoleArn() {
      UserIdentity.Builder session =
          identity()
              .type("AssumedRole")
              .arn(
                  "arn:aws:sts::111122223333:assumed-role/"
                      + "AWSReservedSSO_AdministratorAccess_0123456789abcdef/jane.doe@example.com")
              .principalId("AROAEXAMPLE:jane.doe@example.com")
              .sessionIssuer(ROLE);
      assertThat(event(session).build().sessionName()).isEqualTo("jane.doe@example.com");
    }

    @Test
    void comesFromThePrincipalIdWithoutAnArn() {
      UserIdentity.Builder session =
          identity().type("AssumedRole").principalId("AROAEXAMPLE:i-0abc1234def567890");
      assertThat(event(session).build().sessionName()).isEqualTo("i-0abc1234def567890");
    }

    @Test
    void isNullForOtherIdentities() {
      assertThat(
              event(identity().type("IAMUser").arn("arn:aws:iam::111122223333:user/a/b"))
                  .build()
                  .sessionName())
          .isNull();
      assertThat(event(identity().type("AssumedRole").principalId("AROAEXAMPLE")).build())
          .extracting(CloudTrailEvent::sessionName)
          .isNull();
      assertThat(new CloudTrailEventBuilder().build().sessionName()).isNull();
    }
  }

  @Nested
  class ConsoleLogin {

    @Test
    void readsTheResultAndMfaOfASignIn() {
      CloudTrailEvent login =
          login()
              .responseElements("{\"ConsoleLogin\":\"Success\"}")
              .additionalEventData("{\"LoginTo\":\"https://console\",\"MFAUsed\":\"Yes\"}")
              .build();
      assertThat(login.isConsoleLogin()).isTrue();
      assertThat(login.loginResult()).isEqualTo("Success");
      assertThat(login.mfaUsed()).isTrue();
    }

    @Test
    void readsMfaInAnyCase() {
      CloudTrailEvent login =
          login()
              .responseElements("{\"ConsoleLogin\":\"Success\"}")
              .additionalEventData("{\"MFAUsed\":\"YES\"}")
              .build();
      assertThat(login.mfaUsed()).isTrue();
    }

    @Test
    void isAFailureWithoutMfa() {
      CloudTrailEvent login =
          login()
              .responseElements("{\"ConsoleLogin\":\"Failure\"}")
              .additionalEventData("{\"MFAUsed\":\"No\"}")
              .errorMessage("Failed authentication")
              .build();
      assertThat(login.loginResult()).isEqualTo("Failure");
      assertThat(login.mfaUsed()).isFalse();
    }

    @Test
    void isAFailureWhenOnlyTheErrorMessageSaysSo() {
      CloudTrailEvent login = login().errorMessage("Failed authentication").build();
      assertThat(login.loginResult()).isEqualTo("Failure");
      assertThat(login.mfaUsed()).isFalse();
    }

    @Test
    void hasNoResultWhenTheRecordGivesNone() {
      assertThat(login().responseElements("{\"other\":{\"ConsoleLogin\":\"x\"}}").build())
          .satisfies(
              login -> {
                assertThat(login.loginResult()).isNull();
                assertThat(login.mfaUsed()).isFalse();
              });
      assertThat(login().responseElements("[1]").build().loginResult()).isNull();
      assertThat(login().responseElements("{\"ConsoleLogin\":").build().loginResult()).isNull();
    }

    @Test
    void isNullForEveryOtherEvent() {
      CloudTrailEvent other =
          new CloudTrailEventBuilder()
              .eventSource("ec2.amazonaws.com")
              .eventName("ConsoleLogin")
              .responseElements("{\"ConsoleLogin\":\"Success\"}")
              .build();
      assertThat(other.isConsoleLogin()).isFalse();
      assertThat(other.loginResult()).isNull();
      assertThat(other.mfaUsed()).isNull();
    }

    private CloudTrailEventBuilder login() {
      return new CloudTrailEventBuilder()
          .eventSource("signin.amazonaws.com")
          .eventName("ConsoleLogin");
    }
  }

  private static UserIdentity.Builder identity() {
    return new UserIdentity.Builder();
  }

  private static CloudTrailEventBuilder event(UserIdentity.Builder identity) {
    return new CloudTrailEventBuilder().userIdentity(identity.build());
  }
}
