package com.cloudtrailanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.testing.EventsSqlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The events table's SQL files are generated from {@link EventColumns}; when a column changes, this
 * writes the new files under job/target/generated-sql/ to be copied over the ones in sql/.
 */
class EventsSqlFilesTest {

  private static final Path SQL = Path.of("..", "sql");

  @Test
  void flinkTableAndInsertAreTheDeclaredColumns() throws IOException {
    assertGenerated("flink/50_events.sql", EventsSqlFiles.flink());
  }

  @Test
  void athenaTableIsTheDeclaredColumns() throws IOException {
    assertGenerated("athena/50_events.sql", EventsSqlFiles.athena());
  }

  @Test
  void theViewFillsEveryColumnTheInsertReadsFromIt() {
    assertThat(new EventsView().rowType().getChildren()).hasSize(EventColumns.fromEvent().size());
    assertThat(EventColumns.ALL)
        .filteredOn(EventColumns.Column::computed)
        .allSatisfy(column -> assertThat(column.value()).isNull());
    assertThat(EventColumns.fromEvent())
        .allSatisfy(column -> assertThat(column.value()).isNotNull());
  }

  @Test
  void theReadmeNamesEveryColumn() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String contract = readme.substring(readme.indexOf("**`events`**"));
    contract = contract.substring(0, contract.indexOf("\n\n"));
    for (EventColumns.Column column : EventColumns.ALL) {
      assertThat(contract).as("README's events paragraph").contains("`" + column.name() + "`");
    }
  }

  private static void assertGenerated(String file, String generated) throws IOException {
    Path regenerated = Path.of("target", "generated-sql", file);
    Files.createDirectories(regenerated.getParent());
    Files.writeString(regenerated, generated);
    assertThat(Files.readString(SQL.resolve(file)))
        .as("sql/%s is out of date with EventColumns: copy job/%s over it", file, regenerated)
        .isEqualTo(generated);
  }
}
