package com.cloudtrailanalytics.pipeline;

import static org.apache.flink.table.api.DataTypes.BIGINT;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;

import com.cloudtrailanalytics.event.Reject;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/** View {@code reject_input}: every skipped file, unreadable file and rejected record. */
final class RejectsView implements TableView<Reject> {

  private static final DataType ROW_TYPE =
      ROW(
          FIELD("source_file", STRING()),
          FIELD("position", BIGINT()),
          FIELD("byte_offset", BIGINT()),
          FIELD("reject_type", STRING()),
          FIELD("reason", STRING()),
          FIELD("detail", STRING()),
          FIELD("raw_text", STRING()),
          FIELD("file_time", TIMESTAMP(3)),
          FIELD("file_day", STRING()));

  @Override
  public String name() {
    return "reject_input";
  }

  @Override
  public DataType rowType() {
    return ROW_TYPE;
  }

  @Override
  public RowData map(Reject reject) {
    return GenericRowData.of(
        TableView.string(reject.sourceFile()),
        reject.position(),
        reject.byteOffset(),
        TableView.string(reject.reason().scope().code()),
        TableView.string(reject.reason().code()),
        TableView.string(reject.detail()),
        TableView.string(reject.rawText()),
        TableView.timestamp(reject.fileTimeMillis()),
        TableView.day(reject.file()));
  }
}
