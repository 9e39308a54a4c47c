package com.cloudtrailanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudtrailanalytics.config.InvalidSettingException;
import com.cloudtrailanalytics.config.TableNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SqlScriptsTest {

  @Test
  void loadsTheSqlFilesInOrderAndNamesTheirTables() {
    List<SqlScripts.Script> scripts = SqlScripts.load();
    assertThat(scripts)
        .extracting(SqlScripts.Script::fileName)
        .startsWith("00_parquet_table.sql")
        .isSorted();
    assertThat(scripts.get(0).table()).isEmpty();
    assertThat(scripts.stream().flatMap(s -> s.table().stream()))
        .contains("user_activity", "region_activity", "late_events", "rejects", "source_files");
  }

  @Test
  void everyTableHasItsFlinkAndAthenaFilesAndNoFileATableOfItsOwn() throws Exception {
    Set<String> tables = new TreeSet<>(TableNames.CHOOSABLE);
    tables.addAll(TableNames.ALWAYS_WRITTEN);

    assertThat(SqlScripts.load().stream().flatMap(script -> script.table().stream()))
        .containsExactlyInAnyOrderElementsOf(tables);
    try (Stream<Path> athena = Files.list(Path.of("../sql/athena"))) {
      assertThat(
              athena
                  .map(file -> file.getFileName().toString())
                  .filter(name -> name.matches("\\d+_.*\\.sql") && !name.startsWith("00_"))
                  .map(name -> name.replaceAll("^\\d+_|\\.sql$", "")))
          .containsExactlyInAnyOrderElementsOf(tables);
    }
  }

  @Test
  void everyTablesPartitionFoldersAreThoseItsFlinkAndAthenaFilesDeclare() throws Exception {
    for (String table : TableNames.ALL) {
      List<String> columns = TableNames.partitionColumns(table);
      String flink = "PARTITIONED BY (" + String.join(", ", columns) + ")";
      String athena =
          "PARTITIONED BY ("
              + String.join(", ", columns.stream().map(c -> c + " string").toList())
              + ")";
      for (Path file : sqlFilesOf(table)) {
        assertThat(Files.readString(file))
            .as(file.toString())
            .contains(file.toString().contains("flink") ? flink : athena);
      }
    }
  }

  private static List<Path> sqlFilesOf(String table) throws Exception {
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("../sql/flink", "../sql/athena")) {
      try (Stream<Path> sql = Files.list(Path.of(folder))) {
        sql.filter(f -> f.getFileName().toString().matches("\\d+_" + table + "\\.sql"))
            .forEach(files::add);
      }
    }
    assertThat(files).as(table).hasSize(2);
    return files;
  }

  @Test
  void fillsPlaceholdersAndSplitsStatements() {
    SqlScripts.Script script =
        new SqlScripts.Script(
            "10_example.sql",
            "-- a comment; with a semicolon\nCREATE TABLE t WITH ('path' = '${output}/t', 'x' = 'a;b');\n"
                + "INSERT INTO t SELECT 1 FROM TABLE(TUMBLE(TABLE s, DESCRIPTOR(ts), ${window}));\n");

    assertThat(script.table()).isEqualTo(Optional.of("example"));
    assertThat(
            script.statements(Map.of("output", "s3://b/out", "window", "INTERVAL '5' MINUTE(2)")))
        .containsExactly(
            "CREATE TABLE t WITH ('path' = 's3://b/out/t', 'x' = 'a;b')",
            "INSERT INTO t SELECT 1 FROM TABLE(TUMBLE(TABLE s, DESCRIPTOR(ts), INTERVAL '5' MINUTE(2)))");
  }

  @Test
  void namesAPlaceholderTheJobDoesNotDefine() {
    SqlScripts.Script script = new SqlScripts.Script("10_example.sql", "SELECT '${region}'");
    assertThatThrownBy(() -> script.statements(Map.of("output", "x")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "sql/flink/10_example.sql uses the placeholder ${region}, which the job does not define (it defines [output])");
  }

  @Test
  void writesWindowLengthsAsIntervalsInTheirLargestUnit() {
    assertThat(CloudTrailPipeline.intervalLiteral(Duration.ofMinutes(5)))
        .isEqualTo("INTERVAL '5' MINUTE(2)");
    assertThat(CloudTrailPipeline.intervalLiteral(Duration.ofMinutes(120)))
        .isEqualTo("INTERVAL '2' HOUR(2)");
    assertThat(CloudTrailPipeline.intervalLiteral(Duration.ofSeconds(90)))
        .isEqualTo("INTERVAL '90' SECOND(2)");
    assertThat(CloudTrailPipeline.intervalLiteral(Duration.ofSeconds(450)))
        .isEqualTo("INTERVAL '450' SECOND(3)");
    assertThat(CloudTrailPipeline.intervalLiteral(Duration.ofDays(1)))
        .isEqualTo("INTERVAL '1' DAY(2)");
  }
}
