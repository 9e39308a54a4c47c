package com.cloudtrailanalytics.pipeline;

import static org.apache.flink.table.api.DataTypes.ARRAY;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;

import com.cloudtrailanalytics.findings.Finding;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.DataType;

/** View {@code finding_input}: what the rules and detections found; the SQL adds the country. */
final class FindingsView implements TableView<Finding> {

  private static final DataType ROW_TYPE =
      ROW(
          FIELD("finding_id", STRING()),
          FIELD("rule_id", STRING()),
          FIELD("rule_title", STRING()),
          FIELD("severity", STRING()),
          FIELD("tags", ARRAY(STRING())),
          FIELD("event_time", TIMESTAMP(3)),
          FIELD("account_id", STRING()),
          FIELD("aws_region", STRING()),
          FIELD("principal", STRING()),
          FIELD("user_name", STRING()),
          FIELD("session_name", STRING()),
          FIELD("source_ip_address", STRING()),
          FIELD("event_source", STRING()),
          FIELD("event_name", STRING()),
          FIELD("event_ids", ARRAY(STRING())),
          FIELD("details", STRING()));

  @Override
  public String name() {
    return "finding_input";
  }

  @Override
  public DataType rowType() {
    return ROW_TYPE;
  }

  @Override
  public RowData map(Finding finding) {
    return GenericRowData.of(
        TableView.string(finding.findingId()),
        TableView.string(finding.ruleId()),
        TableView.string(finding.ruleTitle()),
        TableView.string(finding.severity()),
        strings(finding.tags()),
        TableView.timestamp(finding.eventTimeMillis()),
        TableView.string(finding.accountId()),
        TableView.string(finding.awsRegion()),
        TableView.string(finding.principal()),
        TableView.string(finding.userName()),
        TableView.string(finding.sessionName()),
        TableView.string(finding.sourceIpAddress()),
        TableView.string(finding.eventSource()),
        TableView.string(finding.eventName()),
        strings(finding.eventIds()),
        TableView.string(finding.details()));
  }

  private static ArrayData strings(String[] values) {
    StringData[] data = new StringData[values.length];
    for (int i = 0; i < values.length; i++) {
      data[i] = TableView.string(values[i]);
    }
    return new GenericArrayData(data);
  }
}
