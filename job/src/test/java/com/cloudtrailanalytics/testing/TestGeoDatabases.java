package com.cloudtrailanalytics.testing;

import static com.cloudtrailanalytics.sample.GeoRecords.asn;
import static com.cloudtrailanalytics.sample.GeoRecords.city;
import static com.cloudtrailanalytics.sample.GeoRecords.country;

import com.cloudtrailanalytics.sample.MaxMindDbWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * City and ASN databases the tests write for themselves, with a few known networks. Addresses in
 * private and reserved ranges, and {@link #ABSENT_IP}, are in neither.
 */
public final class TestGeoDatabases {

  public static final String LONDON_IP = "81.2.69.142";
  public static final String LINKOPING_IP = "89.160.20.112";
  public static final String MILTON_IP = "216.160.83.56";
  public static final String JAPAN_IPV6 = "2001:218::1";
  public static final String KENSINGTON_IPV6 = "2a02:8010:1::7";

  /** A public address the databases do not cover. */
  public static final String ABSENT_IP = "81.2.70.1";

  private TestGeoDatabases() {}

  public static Path writeCity(Path dir) throws IOException {
    Path file = dir.resolve("test-City.mmdb");
    new MaxMindDbWriter("GeoIP2-City", "cloudtrail-analytics test cities")
        .insert("81.2.69.0/24", city("GB", "United Kingdom", "England", "London", 51.5142, -0.0931))
        .insert(
            "89.160.20.112/28",
            city("SE", "Sweden", "Östergötland County", "Linköping", 58.4167, 15.6167))
        .insert(
            "216.160.83.56/29",
            city("US", "United States", "Washington", "Milton", 47.2513, -122.3149))
        .insert("2001:218::/32", country("JP", "Japan"))
        .insert(
            "2a02:8010::/32", city("GB", "United Kingdom", "England", "Kensington", 51.5, -0.19))
        .write(file);
    return file;
  }

  public static Path writeAsn(Path dir) throws IOException {
    Path file = dir.resolve("test-ASN.mmdb");
    new MaxMindDbWriter("GeoLite2-ASN", "cloudtrail-analytics test networks")
        .insert("81.2.69.0/24", asn(20712, "Andrews & Arnold Ltd"))
        .insert("89.160.20.0/24", asn(29518, "Bredband2 AB"))
        .insert("2001:218::/32", asn(2914, "NTT America, Inc."))
        .write(file);
    return file;
  }
}
