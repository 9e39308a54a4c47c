package com.cloudtrailanalytics.pipeline;

import static org.apache.flink.table.api.DataTypes.BOOLEAN;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;

import com.cloudtrailanalytics.record.CloudTrailEvent;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/** View {@code activity}: the events counted in windows, with the definitions already applied. */
final class ActivityView implements TableView<CloudTrailEvent> {

  private static final DataType ROW_TYPE =
      ROW(
          FIELD("event_time", TIMESTAMP(3)),
          FIELD("account_id", STRING()),
          FIELD("principal", STRING()),
          FIELD("user_name", STRING()),
          FIELD("identity_type", STRING()),
          FIELD("aws_region", STRING()),
          FIELD("event_source", STRING()),
          FIELD("event_name", STRING()),
          FIELD("source_ip_address", STRING()),
          FIELD("error_code", STRING()),
          FIELD("is_error", BOOLEAN()),
          FIELD("is_console_login", BOOLEAN()),
          FIELD("login_result", STRING()),
          FIELD("mfa_used", BOOLEAN()));

  @Override
  public String name() {
    return "activity";
  }

  @Override
  public DataType rowType() {
    return ROW_TYPE;
  }

  @Override
  public RowData map(CloudTrailEvent event) {
    return GenericRowData.of(
        TableView.timestamp(event.eventTimeMillis()),
        TableView.string(event.accountId()),
        TableView.string(event.principal()),
        TableView.string(event.userName()),
        TableView.string(event.identityType()),
        TableView.string(event.awsRegion()),
        TableView.string(event.eventSource()),
        TableView.string(event.eventName()),
        TableView.string(event.sourceIpAddress()),
        TableView.string(event.errorCode()),
        event.isError(),
        event.isConsoleLogin(),
        TableView.string(event.loginResult()),
        event.mfaUsed());
  }
}
