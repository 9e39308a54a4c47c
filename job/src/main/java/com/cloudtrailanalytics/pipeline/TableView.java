package com.cloudtrailanalytics.pipeline;

import com.cloudtrailanalytics.event.TrailFile;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.DataType;

/**
 * A stream turned into rows of a temporary view that the SQL in {@code sql/flink/} reads from. Rows
 * are built in Flink's internal format, so the table runtime takes them without converting.
 */
interface TableView<T> extends MapFunction<T, RowData> {

  /** The view's name in SQL. */
  String name();

  /** The view's columns, in the order {@link #map} fills them. */
  DataType rowType();

  static StringData string(String value) {
    return value == null ? null : StringData.fromString(value);
  }

  static TimestampData timestamp(Long epochMillis) {
    return epochMillis == null ? null : TimestampData.fromEpochMillis(epochMillis);
  }

  /** The day a file belongs to, {@code YYYY-MM-DD}, or null when its key does not say. */
  static StringData day(TrailFile file) {
    return file.day() == null ? null : StringData.fromString(file.day().toString());
  }
}
