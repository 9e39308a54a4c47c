package com.cloudtrailanalytics.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * One table of the output as a query engine sees it: the committed Parquet files below its folder.
 * Files whose names start with {@code .} or {@code _} (in progress, markers) are not part of it.
 */
public final class OutputTable {

  /**
   * Shared by every file read: Parquet's default options build a Hadoop configuration for each
   * file, parsing Hadoop's XML defaults every time, which cost most of the summary of an output of
   * thousands of small files (a sparse history).
   */
  private static final ParquetReadOptions READ_OPTIONS =
      ParquetReadOptions.builder(new PlainParquetConfiguration()).build();

  private final FileSystem fileSystem;
  private final List<FileStatus> files;

  private OutputTable(FileSystem fileSystem, List<FileStatus> files) {
    this.fileSystem = fileSystem;
    this.files = files;
  }

  /** True when the table folder holds at least one committed data file. */
  public static boolean hasCommittedFiles(Path folder) throws IOException {
    return at(folder).fileCount() > 0;
  }

  static OutputTable at(Path folder) throws IOException {
    FileSystem fileSystem = folder.getFileSystem();
    List<FileStatus> files = new ArrayList<>();
    if (fileSystem.exists(folder)) {
      collect(fileSystem, folder, files);
    }
    return new OutputTable(fileSystem, files);
  }

  int fileCount() {
    return files.size();
  }

  long rowCount() throws IOException {
    long rows = 0;
    for (FileStatus file : files) {
      try (ParquetFileReader reader = open(file)) {
        rows += reader.getRecordCount();
      }
    }
    return rows;
  }

  /** Reads the named columns of every row. */
  void forEachRow(List<String> columns, Consumer<Group> action) throws IOException {
    for (FileStatus file : files) {
      try (ParquetFileReader reader = open(file)) {
        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
        MessageType projection =
            new MessageType(
                schema.getName(),
                columns.stream().filter(schema::containsField).map(schema::getType).toList());
        reader.setRequestedSchema(projection);
        var rowGroup = reader.readNextRowGroup();
        while (rowGroup != null) {
          RecordReader<Group> rows =
              new ColumnIOFactory()
                  .getColumnIO(projection, schema)
                  .getRecordReader(rowGroup, new GroupRecordConverter(projection));
          for (long i = 0; i < rowGroup.getRowCount(); i++) {
            action.accept(rows.read());
          }
          rowGroup = reader.readNextRowGroup();
        }
      }
    }
  }

  /** Sums a BIGINT column. */
  long sum(String column) throws IOException {
    long[] total = {0};
    forEachRow(List.of(column), row -> total[0] += longValue(row, column));
    return total[0];
  }

  /** A BIGINT; 0 when null or when the file has no such column (written by an older version). */
  static long longValue(Group row, String column) {
    return isAbsent(row, column) ? 0 : row.getLong(column, 0);
  }

  static String stringValue(Group row, String column) {
    return isAbsent(row, column) ? null : row.getString(column, 0);
  }

  static boolean booleanValue(Group row, String column) {
    return !isAbsent(row, column) && row.getBoolean(column, 0);
  }

  private static boolean isAbsent(Group row, String column) {
    return !row.getType().containsField(column) || row.getFieldRepetitionCount(column) == 0;
  }

  private ParquetFileReader open(FileStatus file) throws IOException {
    return ParquetFileReader.open(
        new FlinkInputFile(fileSystem, file.getPath(), file.getLen()), READ_OPTIONS);
  }

  private static void collect(FileSystem fileSystem, Path folder, List<FileStatus> files)
      throws IOException {
    for (FileStatus status : fileSystem.listStatus(folder)) {
      String name = status.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (status.isDir()) {
        collect(fileSystem, status.getPath(), files);
      } else {
        files.add(status);
      }
    }
  }
}
