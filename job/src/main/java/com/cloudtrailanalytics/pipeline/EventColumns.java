package com.cloudtrailanalytics.pipeline;

import static org.apache.flink.table.api.DataTypes.ARRAY;
import static org.apache.flink.table.api.DataTypes.BOOLEAN;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.UserIdentity;
import com.cloudtrailanalytics.format.EventTime;
import java.io.Serializable;
import java.time.DateTimeException;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/**
 * The {@code events} table's columns, declared once and in order. {@link EventsView} builds its
 * rows from them; {@code sql/flink/50_events.sql}, {@code sql/athena/50_events.sql} (and through it
 * Trino's DDL) are generated from them and checked by {@code EventsSqlFilesTest}, so a new
 * CloudTrail field is one line here.
 */
public final class EventColumns {

  /** A column's type in the three dialects that spell it. */
  public enum Type {
    STRING_TYPE(STRING(), "STRING", "string"),
    BOOLEAN_TYPE(BOOLEAN(), "BOOLEAN", "boolean"),
    TIMESTAMP_TYPE(TIMESTAMP(3), "TIMESTAMP(3)", "timestamp"),
    RESOURCES_TYPE(
        ARRAY(ROW(FIELD("arn", STRING()), FIELD("account_id", STRING()), FIELD("type", STRING()))),
        "ARRAY<ROW<arn STRING, account_id STRING, type STRING>>",
        "array<struct<arn:string,account_id:string,type:string>>");

    private final DataType dataType;
    private final String flinkSql;
    private final String athena;

    Type(DataType dataType, String flinkSql, String athena) {
      this.dataType = dataType;
      this.flinkSql = flinkSql;
      this.athena = athena;
    }

    public DataType dataType() {
      return dataType;
    }

    public String flinkSql() {
      return flinkSql;
    }

    public String athena() {
      return athena;
    }
  }

  /** The column's value in Flink's internal format, taken from the parsed event. */
  @FunctionalInterface
  public interface Value extends Serializable {
    Object of(CloudTrailEvent event);
  }

  /**
   * One column: either read from the event by the view ({@code value}) or computed by the INSERT
   * from other columns ({@code sqlExpression}).
   */
  public record Column(String name, Type type, Value value, String sqlExpression) {

    public boolean computed() {
      return sqlExpression != null;
    }

    public Optional<String> expression() {
      return Optional.ofNullable(sqlExpression);
    }
  }

  public static final List<Column> ALL =
      List.of(
          timestamp("event_time", CloudTrailEvent::eventTimeMillis),
          string("event_version", CloudTrailEvent::eventVersion),
          string("event_source", CloudTrailEvent::eventSource),
          string("event_name", CloudTrailEvent::eventName),
          string("aws_region", CloudTrailEvent::awsRegion),
          string("source_ip_address", CloudTrailEvent::sourceIpAddress),
          computed(
              "country_iso_code", Type.STRING_TYPE, "geo_city(source_ip_address).country_iso_code"),
          string("user_agent", CloudTrailEvent::userAgent),
          string("error_code", CloudTrailEvent::errorCode),
          string("error_message", CloudTrailEvent::errorMessage),
          bool("is_error", CloudTrailEvent::isError),
          string("request_parameters", CloudTrailEvent::requestParameters),
          string("response_elements", CloudTrailEvent::responseElements),
          string("additional_event_data", CloudTrailEvent::additionalEventData),
          string("request_id", CloudTrailEvent::requestId),
          string("event_id", CloudTrailEvent::eventId),
          string("event_type", CloudTrailEvent::eventType),
          string("api_version", CloudTrailEvent::apiVersion),
          bool("read_only", CloudTrailEvent::readOnly),
          bool("management_event", CloudTrailEvent::managementEvent),
          string("event_category", CloudTrailEvent::eventCategory),
          string("recipient_account_id", CloudTrailEvent::recipientAccountId),
          string("shared_event_id", CloudTrailEvent::sharedEventId),
          string("vpc_endpoint_id", CloudTrailEvent::vpcEndpointId),
          string("vpc_endpoint_account_id", CloudTrailEvent::vpcEndpointAccountId),
          string("service_event_details", CloudTrailEvent::serviceEventDetails),
          string("session_credential_from_console", CloudTrailEvent::sessionCredentialFromConsole),
          string("edge_device_details", CloudTrailEvent::edgeDeviceDetails),
          string("addendum", CloudTrailEvent::addendum),
          string("tls_version", event -> tls(event).tlsVersion()),
          string("tls_cipher_suite", event -> tls(event).cipherSuite()),
          string("tls_client_provided_host_header", event -> tls(event).clientProvidedHostHeader()),
          new Column("resources", Type.RESOURCES_TYPE, event -> resources(event.resources()), null),
          string("account_id", CloudTrailEvent::accountId),
          string("principal", CloudTrailEvent::principal),
          string("user_name", CloudTrailEvent::userName),
          string("session_name", CloudTrailEvent::sessionName),
          string("identity_type", event -> identity(event).type()),
          string("principal_id", event -> identity(event).principalId()),
          string("user_arn", event -> identity(event).arn()),
          string("user_account_id", event -> identity(event).accountId()),
          string("access_key_id", event -> identity(event).accessKeyId()),
          string("invoked_by", event -> identity(event).invokedBy()),
          string("identity_provider", event -> identity(event).identityProvider()),
          string("credential_id", event -> identity(event).credentialId()),
          string("session_issuer_type", event -> issuer(event).type()),
          string("session_issuer_principal_id", event -> issuer(event).principalId()),
          string("session_issuer_arn", event -> issuer(event).arn()),
          string("session_issuer_account_id", event -> issuer(event).accountId()),
          string("session_issuer_user_name", event -> issuer(event).userName()),
          bool("mfa_authenticated", event -> trueOrFalse(identity(event).mfaAuthenticated())),
          timestamp(
              "session_creation_date",
              event -> instantMillis(identity(event).sessionCreationDate())),
          string("source_identity", event -> identity(event).sourceIdentity()),
          string("ec2_role_delivery", event -> identity(event).ec2RoleDelivery()),
          string("assumed_root", event -> identity(event).assumedRoot()),
          string("web_id_federation_data", event -> identity(event).webIdFederationData()),
          string("on_behalf_of", event -> identity(event).onBehalfOf()),
          string("in_scope_of", event -> identity(event).inScopeOf()),
          string("source_file", CloudTrailEvent::sourceFile));

  private static final UserIdentity NO_IDENTITY = new UserIdentity.Builder().build();
  private static final UserIdentity.SessionIssuer NO_ISSUER =
      new UserIdentity.SessionIssuer(null, null, null, null, null);
  private static final CloudTrailEvent.TlsDetails NO_TLS =
      new CloudTrailEvent.TlsDetails(null, null, null);

  private EventColumns() {}

  /** The columns the view fills, in order: every column not computed by the INSERT. */
  public static List<Column> fromEvent() {
    return ALL.stream().filter(column -> !column.computed()).toList();
  }

  /** A field of the event as Java has it, before it is put in Flink's internal format. */
  private interface Field<T> extends Serializable {
    T of(CloudTrailEvent event);
  }

  private static Column string(String name, Field<String> text) {
    return new Column(name, Type.STRING_TYPE, event -> TableView.string(text.of(event)), null);
  }

  private static Column bool(String name, Field<Boolean> flag) {
    return new Column(name, Type.BOOLEAN_TYPE, flag::of, null);
  }

  private static Column timestamp(String name, Field<Long> millis) {
    return new Column(
        name, Type.TIMESTAMP_TYPE, event -> TableView.timestamp(millis.of(event)), null);
  }

  private static Column computed(String name, Type type, String sqlExpression) {
    return new Column(name, type, null, sqlExpression);
  }

  private static UserIdentity identity(CloudTrailEvent event) {
    return event.userIdentity() == null ? NO_IDENTITY : event.userIdentity();
  }

  private static UserIdentity.SessionIssuer issuer(CloudTrailEvent event) {
    UserIdentity.SessionIssuer issuer = identity(event).sessionIssuer();
    return issuer == null ? NO_ISSUER : issuer;
  }

  private static CloudTrailEvent.TlsDetails tls(CloudTrailEvent event) {
    return event.tlsDetails() == null ? NO_TLS : event.tlsDetails();
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
