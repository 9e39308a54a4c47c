package com.cloudtrailanalytics.pipeline;

import static org.apache.flink.table.api.DataTypes.BIGINT;
import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.ROW;
import static org.apache.flink.table.api.DataTypes.STRING;
import static org.apache.flink.table.api.DataTypes.TIMESTAMP;

import com.cloudtrailanalytics.event.FileReport;
import com.cloudtrailanalytics.event.RejectReason;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/** View {@code source_file_input}: one row per file the job has finished with. */
final class SourceFilesView implements TableView<FileReport> {

  private static final DataType ROW_TYPE =
      ROW(
          FIELD("source_file", STRING()),
          FIELD("status", STRING()),
          FIELD("file_type", STRING()),
          FIELD("problem", STRING()),
          FIELD("account_id", STRING()),
          FIELD("aws_region", STRING()),
          FIELD("file_time", TIMESTAMP(3)),
          FIELD("events", BIGINT()),
          FIELD("rejected_records", BIGINT()),
          FIELD("file_day", STRING()));

  @Override
  public String name() {
    return "source_file_input";
  }

  @Override
  public DataType rowType() {
    return ROW_TYPE;
  }

  @Override
  public RowData map(FileReport report) {
    return GenericRowData.of(
        TableView.string(report.file().path()),
        TableView.string(report.status().code()),
        TableView.string(fileType(report)),
        TableView.string(report.problem() == null ? null : report.problem().code()),
        TableView.string(report.file().accountId()),
        TableView.string(report.file().region()),
        TableView.timestamp(report.file().timeMillis()),
        report.events(),
        report.rejectedRecords(),
        TableView.day(report.file()));
  }

  /**
   * What was listed: {@code log} (a log file, or what was read as one), {@code insight}, {@code
   * digest}, {@code folder} (a folder discovery did not understand), or {@code other}.
   */
  private static String fileType(FileReport report) {
    if (report.problem() == RejectReason.UNKNOWN_FOLDER) {
      return "folder";
    }
    return switch (report.file().kind()) {
      case LOG -> report.problem() == RejectReason.MISPLACED_FILE ? "other" : "log";
      case INSIGHT -> "insight";
      case DIGEST -> "digest";
      case NOT_A_LOG -> "other";
    };
  }
}
