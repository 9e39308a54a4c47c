package com.cloudtrailanalytics.findings.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordShapeTest {

  /** Not fields of the record: where the job read it. */
  private static final Set<String> FROM_THE_FILE = Set.of("sourceFile", "sourceAccountId");

  @Test
  void theFieldsRulesReadAreFieldsOfTheRecord() {
    for (String path :
        List.of(
            "eventName",
            "eventTime",
            "readOnly",
            "sourceIPAddress",
            "errorCode",
            "userIdentity.type",
            "userIdentity.invokedBy",
            "userIdentity.sessionContext.sessionIssuer.type",
            "userIdentity.sessionContext.attributes.mfaAuthenticated",
            "userIdentity.onBehalfOf.userId",
            "userIdentity.sessionContext.webIdFederationData.federatedProvider",
            "requestParameters",
            "requestParameters.ipPermissions.items.ipRanges.items.cidrIp",
            "responseElements.ConsoleLogin",
            "additionalEventData.MFAUsed",
            "resources.ARN",
            "tlsDetails.tlsVersion")) {
      assertThat(RecordShape.has(FieldPath.of(path))).as(path).isTrue();
    }
  }

  @Test
  void otherNamesAreNot() {
    for (String path :
        List.of(
            "status",
            "eventname",
            "EventName",
            "eventName.value",
            "userIdentity",
            "userIdentity.typ",
            "userIdentity.sessionContext.sessionIssuer.type.x",
            "tlsDetails.tlsVersion.major",
            "resources.arn",
            "Image")) {
      assertThat(RecordShape.has(FieldPath.of(path))).as(path).isFalse();
    }
  }

  /** A field added to the model but not to the record the shape reads would look unknown. */
  @Test
  void theRecordTheShapeIsReadFromHasEveryFieldTheJobKeeps() throws Exception {
    CloudTrailEvent event = RecordShape.EVERY_FIELD_EVENT;
    assertThat(missing(event, FROM_THE_FILE)).isEmpty();
    assertThat(missing(event.userIdentity(), Set.of())).isEmpty();
    assertThat(missing(event.userIdentity().sessionIssuer(), Set.of())).isEmpty();
    assertThat(missing(event.tlsDetails(), Set.of())).isEmpty();
    assertThat(missing(event.resources().get(0), Set.of())).isEmpty();
  }

  private static List<String> missing(Record record, Set<String> exceptions) throws Exception {
    List<String> missing = new ArrayList<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (!exceptions.contains(component.getName())
          && component.getAccessor().invoke(record) == null) {
        missing.add(record.getClass().getSimpleName() + "." + component.getName());
      }
    }
    return missing;
  }

  @Test
  void aRuleThatReadsAFieldCloudTrailDoesNotWriteIsRefusedByName() {
    // SigmaHQ's aws_delete_saml_provider.yml reads 'status', which CloudTrail records lack
    TestRules.assertRejected(
            TestRules.cloudTrailRule(
                """
                selection:
                  eventSource: 'iam.amazonaws.com'
                  eventName: 'DeleteSAMLProvider'
                  status: 'success'
                condition: selection
                """),
            RuleProblem.Kind.INVALID)
        .contains("reads 'status', which CloudTrail records do not have");
  }

  @Test
  void aFieldInAnIdentifierTheConditionDoesNotUseIsNotRead() {
    assertThat(
            TestRules.detection(
                    """
                    selection:
                      eventName: 'StopLogging'
                    unused:
                      status: 'success'
                    condition: selection
                    """)
                .fields())
        .containsExactly(FieldPath.of("eventName"));
  }
}
