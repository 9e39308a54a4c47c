package com.cloudtrailanalytics.pipeline;

import static org.apache.flink.table.api.DataTypes.ARRAY;
import static org.apache.flink.table.api.DataTypes.BOOLEAN;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;

import com.cloudtrailanalytics.record.CloudTrailEvent;
import com.cloudtrailanalytics.record.EventTime;
import com.cloudtrailanalytics.record.UserIdentity;
import java.time.DateTimeException;
import java.util.List;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/**
 * View {@code event_input}: every event with every field CloudTrail records, {@code userIdentity}
 * flattened into columns, free-form elements as (redacted) JSON text.
 */
final class EventsView implements TableView<CloudTrailEvent> {

  private static final DataType ROW_TYPE =
      ROW(
          FIELD("event_time", TIMESTAMP(3)),
          FIELD("event_version", STRING()),
          FIELD("event_source", STRING()),
          FIELD("event_name", STRING()),
          FIELD("aws_region", STRING()),
          FIELD("source_ip_address", STRING()),
          FIELD("user_agent", STRING()),
          FIELD("error_code", STRING()),
          FIELD("error_message", STRING()),
          FIELD("is_error", BOOLEAN()),
          FIELD("request_parameters", STRING()),
          FIELD("response_elements", STRING()),
          FIELD("additional_event_data", STRING()),
          FIELD("request_id", STRING()),
          FIELD("event_id", STRING()),
          FIELD("event_type", STRING()),
          FIELD("api_version", STRING()),
          FIELD("read_only", BOOLEAN()),
          FIELD("management_event", BOOLEAN()),
          FIELD("event_category", STRING()),
          FIELD("recipient_account_id", STRING()),
          FIELD("shared_event_id", STRING()),
          FIELD("vpc_endpoint_id", STRING()),
          FIELD("vpc_endpoint_account_id", STRING()),
          FIELD("service_event_details", STRING()),
          FIELD("session_credential_from_console", STRING()),
          FIELD("edge_device_details", STRING()),
          FIELD("addendum", STRING()),
          FIELD("tls_version", STRING()),
          FIELD("tls_cipher_suite", STRING()),
          FIELD("tls_client_provided_host_header", STRING()),
          FIELD(
              "resources",
              ARRAY(
                  ROW(
                      FIELD("arn", STRING()),
                      FIELD("account_id", STRING()),
                      FIELD("type", STRING())))),
          FIELD("account_id", STRING()),
          FIELD("principal", STRING()),
          FIELD("user_name", STRING()),
          FIELD("session_name", STRING()),
          FIELD("identity_type", STRING()),
          FIELD("principal_id", STRING()),
          FIELD("user_arn", STRING()),
          FIELD("user_account_id", STRING()),
          FIELD("access_key_id", STRING()),
          FIELD("invoked_by", STRING()),
          FIELD("identity_provider", STRING()),
          FIELD("credential_id", STRING()),
          FIELD("session_issuer_type", STRING()),
          FIELD("session_issuer_principal_id", STRING()),
          FIELD("session_issuer_arn", STRING()),
          FIELD("session_issuer_account_id", STRING()),
          FIELD("session_issuer_user_name", STRING()),
          FIELD("mfa_authenticated", BOOLEAN()),
          FIELD("session_creation_date", TIMESTAMP(3)),
          FIELD("source_identity", STRING()),
          FIELD("ec2_role_delivery", STRING()),
          FIELD("assumed_root", STRING()),
          FIELD("web_id_federation_data", STRING()),
          FIELD("on_behalf_of", STRING()),
          FIELD("in_scope_of", STRING()),
          FIELD("source_file", STRING()));

  private static final UserIdentity NO_IDENTITY = new UserIdentity.Builder().build();
  private static final UserIdentity.SessionIssuer NO_ISSUER =
      new UserIdentity.SessionIssuer(null, null, null, null, null);
  private static final CloudTrailEvent.TlsDetails NO_TLS =
      new CloudTrailEvent.TlsDetails(null, null, null);

  @Override
  public String name() {
    return "event_input";
  }

  @Override
  public DataType rowType() {
    return ROW_TYPE;
  }

  @Override
  public RowData map(CloudTrailEvent event) {
    UserIdentity identity = event.userIdentity() == null ? NO_IDENTITY : event.userIdentity();
    UserIdentity.SessionIssuer issuer =
        identity.sessionIssuer() == null ? NO_ISSUER : identity.sessionIssuer();
    CloudTrailEvent.TlsDetails tls = event.tlsDetails() == null ? NO_TLS : event.tlsDetails();
    return GenericRowData.of(
        TableView.timestamp(event.eventTimeMillis()),
        TableView.string(event.eventVersion()),
        TableView.string(event.eventSource()),
        TableView.string(event.eventName()),
        TableView.string(event.awsRegion()),
        TableView.string(event.sourceIpAddress()),
        TableView.string(event.userAgent()),
        TableView.string(event.errorCode()),
        TableView.string(event.errorMessage()),
        event.isError(),
        TableView.string(event.requestParameters()),
        TableView.string(event.responseElements()),
        TableView.string(event.additionalEventData()),
        TableView.string(event.requestId()),
        TableView.string(event.eventId()),
        TableView.string(event.eventType()),
        TableView.string(event.apiVersion()),
        event.readOnly(),
        event.managementEvent(),
        TableView.string(event.eventCategory()),
        TableView.string(event.recipientAccountId()),
        TableView.string(event.sharedEventId()),
        TableView.string(event.vpcEndpointId()),
        TableView.string(event.vpcEndpointAccountId()),
        TableView.string(event.serviceEventDetails()),
        TableView.string(event.sessionCredentialFromConsole()),
        TableView.string(event.edgeDeviceDetails()),
        TableView.string(event.addendum()),
        TableView.string(tls.tlsVersion()),
        TableView.string(tls.cipherSuite()),
        TableView.string(tls.clientProvidedHostHeader()),
        resources(event.resources()),
        TableView.string(event.accountId()),
        TableView.string(event.principal()),
        TableView.string(event.userName()),
        TableView.string(event.sessionName()),
        TableView.string(identity.type()),
        TableView.string(identity.principalId()),
        TableView.string(identity.arn()),
        TableView.string(identity.accountId()),
        TableView.string(identity.accessKeyId()),
        TableView.string(identity.invokedBy()),
        TableView.string(identity.identityProvider()),
        TableView.string(identity.credentialId()),
        TableView.string(issuer.type()),
        TableView.string(issuer.principalId()),
        TableView.string(issuer.arn()),
        TableView.string(issuer.accountId()),
        TableView.string(issuer.userName()),
        trueOrFalse(identity.mfaAuthenticated()),
        TableView.timestamp(instantMillis(identity.sessionCreationDate())),
        TableView.string(identity.sourceIdentity()),
        TableView.string(identity.ec2RoleDelivery()),
        TableView.string(identity.assumedRoot()),
        TableView.string(identity.webIdFederationData()),
        TableView.string(identity.onBehalfOf()),
        TableView.string(identity.inScopeOf()),
        TableView.string(event.sourceFile()));
  }

  private static ArrayData resources(List<CloudTrailEvent.Resource> resources) {
    if (resources == null) {
      return null;
    }
    RowData[] rows = new RowData[resources.size()];
    for (int i = 0; i < rows.length; i++) {
      CloudTrailEvent.Resource resource = resources.get(i);
      rows[i] =
          GenericRowData.of(
              TableView.string(resource.arn()),
              TableView.string(resource.accountId()),
              TableView.string(resource.type()));
    }
    return new GenericArrayData(rows);
  }

  /** CloudTrail writes {@code mfaAuthenticated} as the text "true" or "false". */
  private static Boolean trueOrFalse(String text) {
    if ("true".equalsIgnoreCase(text)) {
      return Boolean.TRUE;
    }
    return "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
  }

  private static Long instantMillis(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return EventTime.parseMillis(text);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
