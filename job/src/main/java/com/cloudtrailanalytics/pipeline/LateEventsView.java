package com.cloudtrailanalytics.pipeline;

import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/** View {@code late_event_input}: events that arrived after their window had been written. */
final class LateEventsView implements TableView<LateEvent> {

  private static final DataType ROW_TYPE =
      ROW(
          FIELD("event_id", STRING()),
          FIELD("event_time", TIMESTAMP(3)),
          FIELD("account_id", STRING()),
          FIELD("aws_region", STRING()),
          FIELD("principal", STRING()),
          FIELD("event_name", STRING()),
          FIELD("source_file", STRING()),
          FIELD("arrival_watermark", TIMESTAMP(3)));

  @Override
  public String name() {
    return "late_event_input";
  }

  @Override
  public DataType rowType() {
    return ROW_TYPE;
  }

  @Override
  public RowData map(LateEvent late) {
    CloudTrailEvent event = late.event();
    return GenericRowData.of(
        TableView.string(event.eventId()),
        TableView.timestamp(event.eventTimeMillis()),
        TableView.string(event.accountId()),
        TableView.string(event.awsRegion()),
        TableView.string(event.principal()),
        TableView.string(event.eventName()),
        TableView.string(event.sourceFile()),
        TableView.timestamp(late.watermarkMillis()));
  }
}
