package com.cloudtrailanalytics.geo;

import static com.cloudtrailanalytics.testing.TestGeoDatabases.JAPAN_IPV6;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.LONDON_IP;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.testing.TestGeoDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** geo_city and geo_asn in someone else's SQL, registered by class name as in the SQL client. */
class GeoSqlFunctionITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  @TempDir Path dir;

  @Test
  void geoTagsAnyIpColumn() throws Exception {
    TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    // What the SQL client's SET statement does.
    tables
        .getConfig()
        .getConfiguration()
        .setString(
            "pipeline.global-job-parameters",
            "cloudtrail.geoip-db:"
                + TestGeoDatabases.writeCity(dir)
                + ",cloudtrail.asn-db:"
                + TestGeoDatabases.writeAsn(dir));
    tables.executeSql(
        "CREATE TEMPORARY FUNCTION geo_city AS 'com.cloudtrailanalytics.geo.GeoCityFunction'");
    tables.executeSql(
        "CREATE TEMPORARY FUNCTION geo_asn AS 'com.cloudtrailanalytics.geo.GeoAsnFunction'");

    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> result =
        tables
            .executeSql(
                "SELECT ip, geo_city(ip).country_iso_code, geo_city(ip).city, geo_asn(ip).asn"
                    + " FROM (VALUES ('"
                    + LONDON_IP
                    + "'), ('"
                    + JAPAN_IPV6
                    + "'), ('AWS Internal')) AS t(ip)")
            .collect()) {
      result.forEachRemaining(rows::add);
    }

    assertThat(rows)
        .containsExactlyInAnyOrder(
            Row.of(LONDON_IP, "GB", "London", 20712L),
            Row.of(JAPAN_IPV6, "JP", null, 2914L),
            Row.of("AWS Internal", null, null, null));
  }
}
