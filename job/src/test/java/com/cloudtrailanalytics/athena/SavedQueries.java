package com.cloudtrailanalytics.athena;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The saved queries in sql/athena/queries/. */
final class SavedQueries {

  static final Path FOLDER = AthenaTablesITCase.ATHENA.resolve("queries");

  private SavedQueries() {}

  /** The text of a saved query, ready to prepare: its trailing semicolon removed. */
  static String sql(String name) throws IOException {
    String sql = Files.readString(FOLDER.resolve(name + ".sql")).strip();
    return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
  }

  /** Every saved query that reads {@code table}. */
  static List<Path> over(String table) throws IOException {
    Pattern from = Pattern.compile("\\bFROM " + table + "\\b");
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.sorted().filter(file -> from.matcher(read(file)).find()).toList();
    }
  }

  /** Whether the query names {@code column} outside its comments. */
  static boolean mentions(Path query, String column) {
    String withoutComments = read(query).replaceAll("--[^\\n]*", "");
    return Pattern.compile("\\b" + column + "\\b").matcher(withoutComments).find();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
