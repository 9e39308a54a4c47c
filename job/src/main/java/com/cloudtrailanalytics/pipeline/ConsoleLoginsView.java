package com.cloudtrailanalytics.pipeline;

import static org.apache.flink.table.api.DataTypes.BOOLEAN;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/** View {@code console_login_input}: every console sign-in, on time or late. */
final class ConsoleLoginsView implements TableView<CloudTrailEvent> {

  private static final DataType ROW_TYPE =
      ROW(
          FIELD("event_time", TIMESTAMP(3)),
          FIELD("event_id", STRING()),
          FIELD("account_id", STRING()),
          FIELD("principal", STRING()),
          FIELD("user_name", STRING()),
          FIELD("session_name", STRING()),
          FIELD("identity_type", STRING()),
          FIELD("source_ip", STRING()),
          FIELD("login_result", STRING()),
          FIELD("mfa_used", BOOLEAN()),
          FIELD("error_message", STRING()),
          FIELD("user_agent", STRING()),
          FIELD("aws_region", STRING()),
          FIELD("source_file", STRING()));

  @Override
  public String name() {
    return "console_login_input";
  }

  @Override
  public DataType rowType() {
    return ROW_TYPE;
  }

  @Override
  public RowData map(CloudTrailEvent event) {
    return GenericRowData.of(
        TableView.timestamp(event.eventTimeMillis()),
        TableView.string(event.eventId()),
        TableView.string(event.accountId()),
        TableView.string(event.principal()),
        TableView.string(event.userName()),
        TableView.string(event.sessionName()),
        TableView.string(event.identityType()),
        TableView.string(event.sourceIpAddress()),
        TableView.string(event.loginResult()),
        event.mfaUsed(),
        TableView.string(event.errorMessage()),
        TableView.string(event.userAgent()),
        TableView.string(event.awsRegion()),
        TableView.string(event.sourceFile()));
  }
}
