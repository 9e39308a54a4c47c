package com.cloudtrailanalytics.pipeline;

import static org.apache.flink.table.api.DataTypes.FIELD;
import static org.apache.flink.table.api.DataTypes.ROW;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/**
 * View {@code event_input}: every event with every field CloudTrail records, {@code userIdentity}
 * flattened into columns, free-form elements as (redacted) JSON text; the columns of {@link
 * EventColumns} that are not computed in SQL.
 */
final class EventsView implements TableView<CloudTrailEvent> {

  private static final List<EventColumns.Column> COLUMNS = EventColumns.fromEvent();
  private static final DataType ROW_TYPE =
      ROW(COLUMNS.stream().map(column -> FIELD(column.name(), column.type().dataType())).toList());

  @Override
  public String name() {
    return "event_input";
  }

  @Override
  public DataType rowType() {
    return ROW_TYPE;
  }

  @Override
  public RowData map(CloudTrailEvent event) {
    GenericRowData row = new GenericRowData(COLUMNS.size());
    for (int i = 0; i < COLUMNS.size(); i++) {
      row.setField(i, COLUMNS.get(i).value().of(event));
    }
    return row;
  }
}
