package com.cloudtrailanalytics.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.AsnResponse;
import com.maxmind.geoip2.model.CityResponse;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files our writer produces, read with MaxMind's own reader. */
class MaxMindDbWriterTest {

  @TempDir Path dir;

  @Test
  void maxMindsReaderFindsEveryNetworkOfACityDatabase() throws Exception {
    Path file = dir.resolve("city.mmdb");
    new MaxMindDbWriter("GeoLite2-City", "test cities")
        .insert(
            "81.2.69.0/24",
            GeoRecords.city("GB", "United Kingdom", "England", "London", 51.5142, -0.0931))
        .insert(
            "81.2.69.160/27",
            GeoRecords.city("GB", "United Kingdom", "England", "Kensington", 51.5, -0.19))
        .insert("2001:218::/32", GeoRecords.country("JP", "Japan"))
        .insert(
            "89.160.20.112/28",
            GeoRecords.city("SE", "Sweden", "Östergötland County", "Linköping", 58.4167, 15.6167))
        .write(file);

    try (DatabaseReader reader = new DatabaseReader.Builder(file.toFile()).build()) {
      CityResponse london = reader.city(InetAddress.getByName("81.2.69.142"));
      assertThat(london.country().isoCode()).isEqualTo("GB");
      assertThat(london.country().name()).isEqualTo("United Kingdom");
      assertThat(london.mostSpecificSubdivision().name()).isEqualTo("England");
      assertThat(london.city().name()).isEqualTo("London");
      assertThat(london.location().latitude()).isEqualTo(51.5142);
      assertThat(london.location().longitude()).isEqualTo(-0.0931);
      assertThat(reader.city(InetAddress.getByName("81.2.69.170")).city().name())
          .as("the more specific network inside a broader one")
          .isEqualTo("Kensington");
      assertThat(reader.city(InetAddress.getByName("89.160.20.120")).city().name())
          .isEqualTo("Linköping");
      assertThat(reader.city(InetAddress.getByName("2001:218::1")).country().isoCode())
          .isEqualTo("JP");
      assertThat(reader.city(InetAddress.getByName("2001:218::1")).city().name()).isNull();
      assertThat(reader.tryCity(InetAddress.getByName("81.2.70.1"))).isEmpty();
      assertThat(reader.tryCity(InetAddress.getByName("10.0.0.1"))).isEmpty();
      assertThat(reader.getMetadata().databaseType()).isEqualTo("GeoLite2-City");
      assertThat(reader.getMetadata().languages()).isEqualTo(List.of("en"));
    }
  }

  @Test
  void maxMindsReaderFindsTheNetworksOfAnAsnDatabase() throws Exception {
    Path file = dir.resolve("asn.mmdb");
    new MaxMindDbWriter("GeoLite2-ASN", "test networks")
        .insert("81.2.69.0/24", GeoRecords.asn(20712, "Andrews & Arnold Ltd"))
        .insert("2001:218::/32", GeoRecords.asn(2914, "NTT America, Inc."))
        .write(file);

    try (DatabaseReader reader = new DatabaseReader.Builder(file.toFile()).build()) {
      AsnResponse asn = reader.asn(InetAddress.getByName("81.2.69.142"));
      assertThat(asn.autonomousSystemNumber()).isEqualTo(20712L);
      assertThat(asn.autonomousSystemOrganization()).isEqualTo("Andrews & Arnold Ltd");
      assertThat(reader.asn(InetAddress.getByName("2001:218::1")).autonomousSystemNumber())
          .isEqualTo(2914L);
    }
  }

  @Test
  void writesLongValuesAndManyNetworks() throws Exception {
    MaxMindDbWriter writer = new MaxMindDbWriter("GeoLite2-City", "many networks");
    for (int i = 0; i < 300; i++) {
      writer.insert(
          "10." + (i / 256) + "." + (i % 256) + ".0/24",
          GeoRecords.city("US", "United States", null, "City " + i + " " + "x".repeat(i), i, -i));
    }
    Path file = dir.resolve("many.mmdb");
    writer.write(file);

    try (DatabaseReader reader = new DatabaseReader.Builder(file.toFile()).build()) {
      assertThat(reader.city(InetAddress.getByName("10.1.43.7")).city().name())
          .isEqualTo("City 299 " + "x".repeat(299));
      assertThat(reader.city(InetAddress.getByName("10.0.7.7")).location().latitude())
          .isEqualTo(7.0);
      assertThat(reader.city(InetAddress.getByName("10.0.7.7")).mostSpecificSubdivision().name())
          .isNull();
    }
  }
}
