package com.cloudtrailanalytics.pipeline;

import static org.apache.flink.table.api.DataTypes.BIGINT;
import static org.apache.flink.table.api.DataTypes.DOUBLE;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;

import com.cloudtrailanalytics.event.InsightEvent;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/** View {@code insight_event_input}: every CloudTrail Insights event. */
final class InsightEventsView implements TableView<InsightEvent> {

  private static final DataType ROW_TYPE =
      ROW(
          FIELD("event_time", TIMESTAMP(3)),
          FIELD("event_id", STRING()),
          FIELD("shared_event_id", STRING()),
          FIELD("event_version", STRING()),
          FIELD("account_id", STRING()),
          FIELD("aws_region", STRING()),
          FIELD("insight_type", STRING()),
          FIELD("state", STRING()),
          FIELD("event_source", STRING()),
          FIELD("event_name", STRING()),
          FIELD("error_code", STRING()),
          FIELD("baseline_average", DOUBLE()),
          FIELD("insight_average", DOUBLE()),
          FIELD("baseline_duration", BIGINT()),
          FIELD("insight_duration", BIGINT()),
          FIELD("attributions", STRING()),
          FIELD("source_file", STRING()));

  @Override
  public String name() {
    return "insight_event_input";
  }

  @Override
  public DataType rowType() {
    return ROW_TYPE;
  }

  @Override
  public RowData map(InsightEvent insight) {
    return GenericRowData.of(
        TableView.timestamp(insight.eventTimeMillis()),
        TableView.string(insight.eventId()),
        TableView.string(insight.sharedEventId()),
        TableView.string(insight.eventVersion()),
        TableView.string(insight.accountId()),
        TableView.string(insight.awsRegion()),
        TableView.string(insight.insightType()),
        TableView.string(insight.state()),
        TableView.string(insight.eventSource()),
        TableView.string(insight.eventName()),
        TableView.string(insight.errorCode()),
        insight.baselineAverage(),
        insight.insightAverage(),
        insight.baselineDuration(),
        insight.insightDuration(),
        TableView.string(insight.attributions()),
        TableView.string(insight.sourceFile()));
  }
}
