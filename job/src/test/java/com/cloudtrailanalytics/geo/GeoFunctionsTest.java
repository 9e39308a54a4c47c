package com.cloudtrailanalytics.geo;

import static com.cloudtrailanalytics.testing.TestGeoDatabases.ABSENT_IP;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.JAPAN_IPV6;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.KENSINGTON_IPV6;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.LINKOPING_IP;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.LONDON_IP;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.MILTON_IP;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.testing.TestGeoDatabases;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CityResponse;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.api.common.functions.WithConfigurationOpenContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** geo_city and geo_asn over databases the test writes, checked against MaxMind's own reader. */
class GeoFunctionsTest {

  @TempDir static Path dir;
  private static Path cityDatabase;
  private static Path asnDatabase;

  @BeforeAll
  static void writeDatabases() throws Exception {
    cityDatabase = TestGeoDatabases.writeCity(dir);
    asnDatabase = TestGeoDatabases.writeAsn(dir);
  }

  @Test
  void placesAnIpv4Address() {
    assertThat(city(LONDON_IP))
        .isEqualTo(Row.of("GB", "United Kingdom", "England", "London", 51.5142, -0.0931));
    assertThat(city(LINKOPING_IP))
        .isEqualTo(Row.of("SE", "Sweden", "Östergötland County", "Linköping", 58.4167, 15.6167));
  }

  @Test
  void placesAnIpv6Address() {
    assertThat(city(KENSINGTON_IPV6))
        .isEqualTo(Row.of("GB", "United Kingdom", "England", "Kensington", 51.5, -0.19));
    assertThat(city(JAPAN_IPV6)).isEqualTo(Row.of("JP", "Japan", null, null, null, null));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "AWS Internal",
        "ec2.amazonaws.com",
        "10.0.0.1",
        "172.31.5.20",
        "192.168.1.1",
        "127.0.0.1",
        "169.254.169.254",
        "203.0.113.50",
        "::1",
        "fc00::1",
        ABSENT_IP
      })
  void isNullForWhatIsNotAPublicAddressInTheDatabase(String sourceIp) {
    assertThat(city(sourceIp)).isNull();
    assertThat(asn(sourceIp)).isNull();
  }

  @Test
  void agreesWithMaxMindsReader() throws Exception {
    GeoCityFunction function = opened(new GeoCityFunction(cityDatabase.toString()));
    try (DatabaseReader reader = new DatabaseReader.Builder(cityDatabase.toFile()).build()) {
      for (String ip :
          Arrays.asList(LONDON_IP, LINKOPING_IP, MILTON_IP, JAPAN_IPV6, KENSINGTON_IPV6)) {
        CityResponse expected = reader.city(InetAddress.getByName(ip));
        Row actual = function.eval(ip);
        assertThat(actual.getField(0)).as(ip).isEqualTo(expected.country().isoCode());
        assertThat(actual.getField(3)).as(ip).isEqualTo(expected.city().name());
        assertThat(actual.getField(4)).as(ip).isEqualTo(expected.location().latitude());
      }
    }
  }

  @Test
  void answersEachAddressOfASequenceCorrectly() throws Exception {
    GeoCityFunction function = opened(new GeoCityFunction(cityDatabase.toString()));
    String[] sequence = {LONDON_IP, LONDON_IP, MILTON_IP, "AWS Internal", LONDON_IP, null, null};
    String[] cities = {"London", "London", "Milton", null, "London", null, null};
    for (int i = 0; i < sequence.length; i++) {
      Row place = function.eval(sequence[i]);
      assertThat(place == null ? null : place.getField(3)).as("call %d", i).isEqualTo(cities[i]);
    }
  }

  @Test
  void findsTheNetworkOfAnAddress() {
    assertThat(asn(LONDON_IP)).isEqualTo(Row.of(20712L, "Andrews & Arnold Ltd"));
    assertThat(asn(JAPAN_IPV6)).isEqualTo(Row.of(2914L, "NTT America, Inc."));
    assertThat(asn(MILTON_IP)).isNull();
  }

  @Test
  void isNullEverywhereWithoutADatabase() throws Exception {
    assertThat(opened(new GeoCityFunction(null)).eval(LONDON_IP)).isNull();
    assertThat(opened(new GeoAsnFunction(null)).eval(LONDON_IP)).isNull();
  }

  @Test
  void readsTheDatabaseFromTheJobParametersWhenRegisteredByClassName() throws Exception {
    Configuration parameters = new Configuration();
    parameters.setString(JobOptions.GEOIP_DB.key(), cityDatabase.toString());
    parameters.setString(JobOptions.ASN_DB.key(), asnDatabase.toString());
    FunctionContext context =
        new FunctionContext(null, null, new WithConfigurationOpenContext(parameters));

    GeoCityFunction city = new GeoCityFunction();
    city.open(context);
    GeoAsnFunction asn = new GeoAsnFunction();
    asn.open(context);

    assertThat(city.eval(LONDON_IP).getField(3)).isEqualTo("London");
    assertThat(asn.eval(LONDON_IP).getField(0)).isEqualTo(20712L);
  }

  private static Row city(String ip) {
    try {
      return opened(new GeoCityFunction(cityDatabase.toString())).eval(ip);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Row asn(String ip) {
    try {
      return opened(new GeoAsnFunction(asnDatabase.toString())).eval(ip);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static <F extends org.apache.flink.table.functions.ScalarFunction> F opened(F function) {
    try {
      function.open(new FunctionContext(null, null, null));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return function;
  }
}
