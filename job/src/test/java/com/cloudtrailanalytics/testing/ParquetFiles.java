package com.cloudtrailanalytics.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation.ListLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** Parquet footers read with parquet-hadoop's own reader. */
public final class ParquetFiles {

  private ParquetFiles() {}

  /**
   * The file's columns with the Hive types Athena reads them as: INT96 as {@code timestamp}, lists
   * of groups as {@code array<struct<...>>}.
   */
  public static Map<String, String> hiveColumns(Path file) throws IOException {
    Map<String, String> columns = new LinkedHashMap<>();
    for (Type field : schema(file).getFields()) {
      columns.put(field.getName(), hiveType(field));
    }
    return columns;
  }

  private static String hiveType(Type field) {
    if (field.isPrimitive()) {
      PrimitiveType primitive = field.asPrimitiveType();
      return switch (primitive.getPrimitiveTypeName()) {
        case INT96 -> "timestamp";
        case INT64 -> "bigint";
        case INT32 -> "int";
        case DOUBLE -> "double";
        case FLOAT -> "float";
        case BOOLEAN -> "boolean";
        case BINARY ->
            primitive.getLogicalTypeAnnotation() instanceof StringLogicalTypeAnnotation
                ? "string"
                : "binary";
        default -> throw new IllegalArgumentException("unexpected column " + field);
      };
    }
    GroupType group = field.asGroupType();
    if (group.getLogicalTypeAnnotation() instanceof ListLogicalTypeAnnotation) {
      Type element = group.getType(0).asGroupType().getType(0);
      return "array<" + hiveType(element) + ">";
    }
    StringBuilder struct = new StringBuilder("struct<");
    for (Type member : group.getFields()) {
      if (struct.length() > "struct<".length()) {
        struct.append(',');
      }
      struct.append(member.getName()).append(':').append(hiveType(member));
    }
    return struct.append('>').toString();
  }

  /** Compressed bytes per column over the file's row groups. */
  public static Map<String, Long> columnBytes(Path file) throws IOException {
    Map<String, Long> bytes = new LinkedHashMap<>();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        for (ColumnChunkMetaData column : block.getColumns()) {
          bytes.merge(column.getPath().toArray()[0], column.getTotalSize(), Long::sum);
        }
      }
    }
    return bytes;
  }

  public static MessageType schema(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      return reader.getFooter().getFileMetaData().getSchema();
    }
  }
}
