package com.cloudtrailanalytics.geo;

import static com.cloudtrailanalytics.testing.TestGeoDatabases.LONDON_IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudtrailanalytics.run.FileSystemSetup;
import com.cloudtrailanalytics.testing.S3Server;
import com.cloudtrailanalytics.testing.TestGeoDatabases;
import com.maxmind.db.Reader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoDatabasesTest {

  @TempDir Path dir;

  @Test
  void opensEachDatabaseOncePerProcess() throws Exception {
    String city = TestGeoDatabases.writeCity(dir).toString();

    assertThat(GeoDatabases.open(city, GeoDatabases.Kind.CITY))
        .isSameAs(GeoDatabases.open(city, GeoDatabases.Kind.CITY));
  }

  @Test
  void opensADatabaseOnS3FromALocalCopy() throws Exception {
    try (S3Server s3 = S3Server.start(dir.resolve("s3"))) {
      s3.bucket("geo");
      TestGeoDatabases.writeCity(Files.createDirectories(dir.resolve("upload/databases")));
      s3.upload(dir.resolve("upload"), "geo");
      FileSystemSetup.initialize(s3.clientConfig());

      Reader reader =
          GeoDatabases.open("s3://geo/databases/test-City.mmdb", GeoDatabases.Kind.CITY);

      assertThat(reader.get(InetAddress.getByName(LONDON_IP), CityRecord.class).cityName())
          .isEqualTo("London");
      assertThatThrownBy(
              () -> GeoDatabases.open("s3://geo/databases/missing.mmdb", GeoDatabases.Kind.CITY))
          .isInstanceOf(GeoDatabaseException.class)
          .hasMessageStartingWith("--geoip-db s3://geo/databases/missing.mmdb cannot be read: ");
    }
  }

  @Test
  void aMissingFileIsNamed() {
    String missing = dir.resolve("GeoLite2-City.mmdb").toString();

    assertThatThrownBy(() -> GeoDatabases.open(missing, GeoDatabases.Kind.CITY))
        .isInstanceOf(GeoDatabaseException.class)
        .hasMessage("--geoip-db " + missing + " does not exist");
  }

  @Test
  void aFileThatIsNotAMaxMindDatabaseIsNamed() throws Exception {
    Path text = Files.writeString(dir.resolve("city.mmdb"), "not a database");

    assertThatThrownBy(() -> GeoDatabases.open(text.toString(), GeoDatabases.Kind.CITY))
        .isInstanceOf(GeoDatabaseException.class)
        .hasMessageStartingWith("--geoip-db " + text + " is not a readable MaxMind DB file: ");
  }

  @Test
  void aTruncatedDatabaseIsNamed() throws Exception {
    byte[] whole = Files.readAllBytes(TestGeoDatabases.writeAsn(dir));
    Path truncated =
        Files.write(dir.resolve("truncated.mmdb"), Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> GeoDatabases.open(truncated.toString(), GeoDatabases.Kind.ASN))
        .isInstanceOf(GeoDatabaseException.class)
        .hasMessageStartingWith("--asn-db " + truncated + " is not a readable MaxMind DB file: ");
  }

  @Test
  void aDatabaseOfTheOtherKindIsNamed() throws Exception {
    String asn = TestGeoDatabases.writeAsn(dir).toString();

    assertThatThrownBy(() -> GeoDatabases.open(asn, GeoDatabases.Kind.CITY))
        .isInstanceOf(GeoDatabaseException.class)
        .hasMessage(
            "--geoip-db "
                + asn
                + " is a GeoLite2-ASN database; it must be a GeoIP2 or GeoLite2 City database");
  }
}
