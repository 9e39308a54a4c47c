package com.cloudtrailanalytics.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void redactsTemporaryCredentialsInAResponse() {
    String response =
        "{\"credentials\":{\"accessKeyId\":\"ASIAEXAMPLE\",\"sessionToken\":\"IQoJb3JpZ2luX2VjEXAMPLE\","
            + "\"secretAccessKey\":\"wJalrXUtnFEMI/K7MDENG\",\"expiration\":\"Mar 1, 2024, 4:07:01 PM\"},"
            + "\"assumedRoleUser\":{\"arn\":\"arn:aws:sts::111122223333:assumed-role/r/s\"}}";

    assertThat(Secrets.redactJson(response))
        .isEqualTo(
            "{\"credentials\":{\"accessKeyId\":\"ASIAEXAMPLE\",\"sessionToken\":\"REDACTED\","
                + "\"secretAccessKey\":\"REDACTED\",\"expiration\":\"Mar 1, 2024, 4:07:01 PM\"},"
                + "\"assumedRoleUser\":{\"arn\":\"arn:aws:sts::111122223333:assumed-role/r/s\"}}");
  }

  @Test
  void redactsWhateverTheSecretIsAndWhateverItsCase() {
    assertThat(
            Secrets.redactJson(
                "{\"user\":\"bob\",\"Password\":{\"a\":[1,2]},\"list\":[{\"MasterUserPassword\":42}]}"))
        .isEqualTo(
            "{\"user\":\"bob\",\"Password\":\"REDACTED\",\"list\":[{\"MasterUserPassword\":\"REDACTED\"}]}");
  }

  @Test
  void leavesTextWithoutSecretsAsItIs() {
    String parameters = "{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-1\"}]},\"force\":false}";

    assertThat(Secrets.redactJson(parameters)).isSameAs(parameters);
    assertThat(Secrets.redactJson("{\"note\":\"the sessionToken was rotated\"}"))
        .as("a secret's name inside a value is not a field")
        .isEqualTo("{\"note\":\"the sessionToken was rotated\"}");
    assertThat(Secrets.redactJson(null)).isNull();
  }

  @Test
  void redactsRawTextThatIsNotValidJson() {
    String truncated =
        "{\"eventTime\":\"2024-03-01T10:00:00Z\",\"credentials\":{\"sessionToken\" : \"abc\\\"def\",\"x";

    assertThat(Secrets.redactText(truncated))
        .isEqualTo(
            "{\"eventTime\":\"2024-03-01T10:00:00Z\",\"credentials\":{\"sessionToken\" : \"REDACTED\",\"x");
    assertThat(Secrets.redactJson(truncated)).isEqualTo(Secrets.redactText(truncated));
  }
}
