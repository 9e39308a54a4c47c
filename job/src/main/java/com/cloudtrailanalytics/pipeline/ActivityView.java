package com.cloudtrailanalytics.pipeline;

import static org.apache.flink.table.api.DataTypes.BOOLEAN;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import java.time.Duration;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/**
 * View {@code activity}: the events counted in windows, with the definitions already applied. It
 * holds the events that arrived in time, on their event time, and those that arrived after their
 * window had been written ({@code late}), on their arrival time: the windowed tables count both, a
 * late event in a further row for its own window ({@code event_window_start}), so that their sums
 * are exact whenever events arrive.
 */
final class ActivityView implements TableView<ClockedEvent> {

  private static final DataType ROW_TYPE =
      ROW(
          FIELD("event_time", TIMESTAMP(3)),
          FIELD("event_window_start", TIMESTAMP(3)),
          FIELD("late", BOOLEAN()),
          FIELD("account_id", STRING()),
          FIELD("principal", STRING()),
          FIELD("user_name", STRING()),
          FIELD("session_name", STRING()),
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

  private final long windowMillis;

  /**
   * @param window the length of the tumbling windows
   */
  ActivityView(Duration window) {
    this.windowMillis = window.toMillis();
  }

  @Override
  public String name() {
    return "activity";
  }

  @Override
  public DataType rowType() {
    return ROW_TYPE;
  }

  @Override
  public RowData map(ClockedEvent clocked) {
    CloudTrailEvent event = clocked.event();
    long time = event.eventTimeMillis();
    return GenericRowData.of(
        TableView.timestamp(time),
        TableView.timestamp(time - Math.floorMod(time, windowMillis)),
        clocked.late(),
        TableView.string(event.accountId()),
        TableView.string(event.principal()),
        TableView.string(event.userName()),
        TableView.string(event.sessionName()),
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
