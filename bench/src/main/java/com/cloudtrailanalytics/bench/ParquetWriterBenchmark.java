package com.cloudtrailanalytics.bench;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.event.TrailItem;
import com.cloudtrailanalytics.format.TrailFileItems;
import com.cloudtrailanalytics.pipeline.EventColumns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.formats.parquet.row.ParquetRowDataBuilder;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The events table's Parquet writer on one core: a generated trail's events, as the rows the job
 * writes, into one file per invocation under the Parquet settings given. The counter reports rows
 * per second; the end of each trial prints the file's bytes per row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParquetWriterBenchmark {

  /** Rows written per second. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Written {
    public long rows;

    @Setup(Level.Iteration)
    public void reset() {
      rows = 0;
    }
  }

  /**
   * {@code codec/dictionary}: the compression codec, and the dictionary page size at which a column
   * chunk falls back to plain encoding ({@code off} for no dictionaries).
   */
  @Param({
    "SNAPPY/1048576",
    "SNAPPY/65536",
    "SNAPPY/off",
    "ZSTD/1048576",
    "ZSTD/65536",
    "ZSTD/65536/per-column"
  })
  public String settings;

  private Path dir;
  private final List<RowData> rows = new ArrayList<>();
  private ParquetWriterFactory<RowData> writers;
  private int file;
  private long bytes;

  @Setup(Level.Trial)
  public void readEvents() throws IOException {
    dir = Files.createTempDirectory("parquet-bench");
    Path trail = BenchTrails.writeSmall(dir.resolve("trail"), 20_000);
    List<EventColumns.Column> columns = EventColumns.ALL;
    for (Path gz : BenchTrails.logFiles(trail)) {
      try (TrailFileItems items =
          new TrailFileItems(TrailFile.of(gz.toUri().toString()), Files.size(gz), 1 << 20)) {
        TrailItem item;
        while ((item = items.next()) != null) {
          if (item instanceof CloudTrailEvent event) {
            rows.add(row(columns, event));
          }
        }
      }
    }
    RowType rowType =
        (RowType)
            DataTypes.ROW(
                    columns.stream()
                        .map(column -> DataTypes.FIELD(column.name(), column.type().dataType()))
                        .toList())
                .getLogicalType();
    String[] parts = settings.split("/");
    Configuration conf = new Configuration();
    conf.set("parquet.compression", parts[0]);
    conf.set("parquet.block.size", "16777216");
    if (parts[1].equals("off")) {
      conf.set("parquet.enable.dictionary", "false");
    } else {
      conf.set("parquet.dictionary.page.size", parts[1]);
    }
    writers =
        parts.length > 2
            ? perColumn(rowType, CompressionCodecName.valueOf(parts[0]), Integer.parseInt(parts[1]))
            : ParquetRowDataBuilder.createWriterFactory(rowType, conf, true);
  }

  /** Unique ids and JSON text written plain and without min/max statistics; size statistics off. */
  private static ParquetWriterFactory<RowData> perColumn(
      RowType rowType, CompressionCodecName codec, int dictionaryPage) {
    List<String> unique = List.of("event_id", "request_id", "shared_event_id");
    List<String> text =
        List.of(
            "request_parameters",
            "response_elements",
            "additional_event_data",
            "service_event_details",
            "error_message",
            "user_agent");
    return new ParquetWriterFactory<>(
        out -> {
          ParquetRowDataBuilder builder =
              new ParquetRowDataBuilder(out, rowType, true)
                  .withCompressionCodec(codec)
                  .withRowGroupSize(16L << 20)
                  .withDictionaryPageSize(dictionaryPage)
                  .withSizeStatisticsEnabled(false);
          for (String column : unique) {
            builder = builder.withDictionaryEncoding(column, false);
          }
          for (String column : text) {
            builder =
                builder.withDictionaryEncoding(column, false).withStatisticsEnabled(column, false);
          }
          return builder.build();
        });
  }

  /** An events row; the computed country column holds a typical country code. */
  private static RowData row(List<EventColumns.Column> columns, CloudTrailEvent event) {
    GenericRowData row = new GenericRowData(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      EventColumns.Column column = columns.get(i);
      row.setField(i, column.computed() ? StringData.fromString("US") : column.value().of(event));
    }
    return row;
  }

  @Benchmark
  public void writeEvents(Written written) throws IOException {
    org.apache.flink.core.fs.Path path =
        new org.apache.flink.core.fs.Path(dir.resolve("part-" + file++).toUri());
    FileSystem fs = path.getFileSystem();
    try (FSDataOutputStream out = fs.create(path, FileSystem.WriteMode.OVERWRITE)) {
      BulkWriter<RowData> writer = writers.create(out);
      for (RowData row : rows) {
        writer.addElement(row);
      }
      writer.finish();
    }
    written.rows += rows.size();
    bytes = fs.getFileStatus(path).getLen();
    fs.delete(path, false);
  }

  @TearDown(Level.Trial)
  public void deleteTrail() throws IOException {
    System.out.printf("%n%s: %.1f bytes per row%n", settings, (double) bytes / rows.size());
    BenchTrails.delete(dir);
  }
}
