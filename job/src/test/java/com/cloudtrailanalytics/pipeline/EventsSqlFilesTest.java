package com.cloudtrailanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.UserIdentity;
import com.cloudtrailanalytics.format.CloudTrailEventBuilder;
import com.cloudtrailanalytics.testing.EventsSqlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.flink.table.data.RowData;
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
  void theViewFillsEachColumnFromItsFieldAndLeavesTheComputedOnesToTheSql() {
    CloudTrailEvent event =
        new CloudTrailEventBuilder()
            .eventTimeMillis(Instant.parse("2024-03-01T10:00:00Z").toEpochMilli())
            .eventName("StopInstances")
            .errorCode("Client.UnauthorizedOperation")
            .userIdentity(
                new UserIdentity.Builder()
                    .type("IAMUser")
                    .mfaAuthenticated("TRUE")
                    .sessionCreationDate("2024-03-01T09:58:00Z")
                    .build())
            .resources(
                List.of(
                    new CloudTrailEvent.Resource(
                        "arn:aws:ec2:eu-west-2:123456789012:instance/i-1", "123456789012", null)))
            .sourceFile("s3://trail/a.json.gz")
            .build();

    RowData row = new EventsView().map(event);

    assertThat(row.getArity()).isEqualTo(EventColumns.fromEvent().size());
    assertThat(row.getTimestamp(position("event_time"), 3).getMillisecond())
        .isEqualTo(Instant.parse("2024-03-01T10:00:00Z").toEpochMilli());
    assertThat(row.getString(position("event_name")).toString()).isEqualTo("StopInstances");
    assertThat(row.getBoolean(position("is_error"))).isTrue();
    assertThat(row.getString(position("identity_type")).toString()).isEqualTo("IAMUser");
    assertThat(row.getBoolean(position("mfa_authenticated"))).isTrue();
    assertThat(row.getTimestamp(position("session_creation_date"), 3).getMillisecond())
        .isEqualTo(Instant.parse("2024-03-01T09:58:00Z").toEpochMilli());
    assertThat(row.isNullAt(position("session_issuer_arn"))).isTrue();
    assertThat(row.getArray(position("resources")).getRow(0, 3).getString(0).toString())
        .isEqualTo("arn:aws:ec2:eu-west-2:123456789012:instance/i-1");
    assertThat(row.getString(position("source_file")).toString()).isEqualTo("s3://trail/a.json.gz");
    assertThat(EventColumns.ALL)
        .filteredOn(EventColumns.Column::computed)
        .extracting(EventColumns.Column::name)
        .containsExactly("country_iso_code");
  }

  private static int position(String column) {
    List<String> names = EventColumns.fromEvent().stream().map(EventColumns.Column::name).toList();
    assertThat(names).contains(column);
    return names.indexOf(column);
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
