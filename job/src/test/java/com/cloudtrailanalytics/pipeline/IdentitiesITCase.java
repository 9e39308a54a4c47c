package com.cloudtrailanalytics.pipeline;

import static java.util.Arrays.asList;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.TestGeoDatabases;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who did it, through the whole job, for every identity CloudTrail records: records written by hand
 * after AWS's documented {@code userIdentity} examples (Root, IAMUser, AssumedRole with the basic
 * ISO creation date, AWSService, AWSAccount, FederatedUser, SAMLUser, WebIdentityUser,
 * IdentityCenterUser, none), a console sign-in through an SSO permission set from a forwarded
 * address list, and a root sign-in whose MFAUsed is "YES".
 */
class IdentitiesITCase {

  private static final String ACCOUNT = "111122223333";
  private static final String SSO_ROLE = "AWSReservedSSO_AdministratorAccess_0123456789abcdef";

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  @TempDir static Path dir;
  private static Path output;

  @BeforeAll
  static void runTheJobOverEveryIdentity() throws Exception {
    Path folder = dir.resolve("bucket/AWSLogs/" + ACCOUNT + "/CloudTrail/us-east-1/2024/03/01");
    Files.createDirectories(folder);
    Path file = folder.resolve(ACCOUNT + "_CloudTrail_us-east-1_20240301T1005Z_ids.json.gz");
    try (InputStream in =
            IdentitiesITCase.class.getResourceAsStream("/records/identity-types.json");
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      in.transferTo(out);
    }
    output = dir.resolve("output");
    Configuration config = JobConfigs.bounded(dir.resolve("bucket"), output);
    config.set(JobOptions.GEOIP_DB, TestGeoDatabases.writeCity(dir).toString());
    CloudTrailJob.create(config).run();
  }

  @Test
  void everyIdentityHasItsPrincipalUserNameSessionAndAccount() throws Exception {
    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              tables.query(
                  "SELECT event_id, principal, user_name, session_name, identity_type, account_id"
                      + " FROM events ORDER BY event_time"))
          .containsExactly(
              asList(
                  "root-call", "arn:aws:iam::" + ACCOUNT + ":root", "root", null, "Root", ACCOUNT),
              asList(
                  "iam-user-call",
                  "arn:aws:iam::" + ACCOUNT + ":user/Alice",
                  "Alice",
                  null,
                  "IAMUser",
                  ACCOUNT),
              asList(
                  "assumed-role-call",
                  "arn:aws:iam::" + ACCOUNT + ":role/RoleToBeAssumed",
                  "RoleToBeAssumed",
                  "MySessionName",
                  "AssumedRole",
                  ACCOUNT),
              asList(
                  "aws-service-call",
                  "ec2.amazonaws.com",
                  "ec2.amazonaws.com",
                  null,
                  "AWSService",
                  ACCOUNT),
              asList(
                  "aws-account-call",
                  "AIDAJ45Q7YFFAREXAMPLE",
                  "AIDAJ45Q7YFFAREXAMPLE",
                  null,
                  "AWSAccount",
                  ACCOUNT),
              asList(
                  "federated-user-call",
                  "arn:aws:sts::" + ACCOUNT + ":federated-user/Bob",
                  "Alice",
                  null,
                  "FederatedUser",
                  ACCOUNT),
              asList(
                  "saml-user-call",
                  "SampleUkh1i4+ExamplexL/jEvs=:SamlExample",
                  "SamlExample",
                  null,
                  "SAMLUser",
                  ACCOUNT),
              asList(
                  "web-identity-call",
                  "accounts.google.com:id-12345",
                  "id-12345",
                  null,
                  "WebIdentityUser",
                  ACCOUNT),
              asList(
                  "identity-center-call",
                  "arn:aws:identitystore::"
                      + ACCOUNT
                      + ":identitystore/d-9067642ac7/user/544894e8-80c1-707f-60e3-3ba6510dfac1",
                  "jane.doe",
                  null,
                  "IdentityCenterUser",
                  ACCOUNT),
              asList("no-identity-event", "unknown", "unknown", null, null, ACCOUNT),
              asList(
                  "sso-console-login",
                  "arn:aws:iam::" + ACCOUNT + ":role/aws-reserved/sso.amazonaws.com/" + SSO_ROLE,
                  SSO_ROLE,
                  "jane.doe@example.com",
                  "AssumedRole",
                  ACCOUNT),
              asList(
                  "root-console-login-mfa",
                  "arn:aws:iam::" + ACCOUNT + ":root",
                  "root",
                  null,
                  "Root",
                  ACCOUNT));
      assertThat(
              tables.query(
                  "SELECT strftime(session_creation_date, '%Y-%m-%dT%H:%M:%S') FROM events"
                      + " WHERE event_id = 'assumed-role-call'"))
          .as("a creation date in ISO-8601's basic form")
          .containsExactly(List.of("2013-11-02T01:06:28"));
      assertThat(
              tables.query("SELECT principal, event_count FROM user_activity ORDER BY principal"))
          .as("user_activity keeps the role as principal")
          .contains(
              asList(
                  "arn:aws:iam::" + ACCOUNT + ":role/aws-reserved/sso.amazonaws.com/" + SSO_ROLE,
                  1L))
          .hasSize(11);
    }
  }

  @Test
  void signInsNameThePersonBehindARoleAndReadMfaInAnyCase() throws Exception {
    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              tables.query(
                  "SELECT event_id, user_name, session_name, source_ip, mfa_used, country_iso_code,"
                      + " city FROM console_logins ORDER BY event_time"))
          .containsExactly(
              asList(
                  "sso-console-login",
                  SSO_ROLE,
                  "jane.doe@example.com",
                  "81.2.69.142, 10.0.0.1",
                  false,
                  "GB",
                  "London"),
              asList(
                  "root-console-login-mfa",
                  "root",
                  null,
                  TestGeoDatabases.MILTON_IP,
                  true,
                  "US",
                  "Milton"));
      assertThat(
              tables.query(
                  "SELECT user_name, session_name, country_iso_code, logins, without_mfa, late"
                      + " FROM console_login_summary ORDER BY user_name"))
          .as("one row per person: the SSO user apart from the role's other sessions")
          .containsExactly(
              asList(SSO_ROLE, "jane.doe@example.com", "GB", 1L, 1L, false),
              asList("root", null, "US", 1L, 0L, false));
      assertThat(
              tables.query(
                  "SELECT country_iso_code FROM events WHERE event_id = 'sso-console-login'"))
          .as("a forwarded list is geo-tagged by its first address")
          .containsExactly(List.of("GB"));
    }
  }
}
