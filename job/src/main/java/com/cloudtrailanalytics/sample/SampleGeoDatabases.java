package com.cloudtrailanalytics.sample;

import static com.cloudtrailanalytics.sample.GeoRecords.asn;
import static com.cloudtrailanalytics.sample.GeoRecords.city;
import static com.cloudtrailanalytics.sample.GeoRecords.country;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Small City and ASN databases that know the public addresses of the synthetic trail, so the demo
 * shows geo tags without MaxMind's files. The locations follow MaxMind's published test databases;
 * 203.0.113.50 (a documentation range) and the private server addresses are deliberately absent.
 */
public final class SampleGeoDatabases {

  public static final String CITY_FILE = "sample-City.mmdb";
  public static final String ASN_FILE = "sample-ASN.mmdb";

  /** Where the two databases were written. */
  public record Written(Path city, Path asn) {}

  private SampleGeoDatabases() {}

  public static Written writeTo(Path dir) throws IOException {
    Path cityFile = dir.resolve(CITY_FILE);
    Path asnFile = dir.resolve(ASN_FILE);
    cityDatabase().write(cityFile);
    asnDatabase().write(asnFile);
    return new Written(cityFile, asnFile);
  }

  static MaxMindDbWriter cityDatabase() {
    return new MaxMindDbWriter("GeoLite2-City", "cloudtrail-analytics sample locations")
        .insert(
            "81.2.69.128/26", city("GB", "United Kingdom", "England", "London", 51.5142, -0.0931))
        .insert(
            "89.160.20.112/28",
            city("SE", "Sweden", "Östergötland County", "Linköping", 58.4167, 15.6167))
        .insert(
            "216.160.83.56/29",
            city("US", "United States", "Washington", "Milton", 47.2513, -122.3149))
        .insert(
            "2.125.160.216/29", city("GB", "United Kingdom", "England", "Boxford", 51.75, -1.25))
        .insert("175.16.199.0/24", city("CN", "China", "Jilin Sheng", "Changchun", 43.88, 125.3228))
        .insert("2001:218::/32", country("JP", "Japan"))
        .insert("52.94.76.0/22", country("US", "United States"));
  }

  static MaxMindDbWriter asnDatabase() {
    return new MaxMindDbWriter("GeoLite2-ASN", "cloudtrail-analytics sample networks")
        .insert("81.2.69.0/24", asn(20712, "Andrews & Arnold Ltd"))
        .insert("89.160.20.0/24", asn(29518, "Bredband2 AB"))
        .insert("216.160.83.0/24", asn(209, "CenturyLink Communications, LLC"))
        .insert("2.125.160.0/24", asn(5607, "Sky UK Limited"))
        .insert("175.16.199.0/24", asn(4837, "CHINA UNICOM China169 Backbone"))
        .insert("2001:218::/32", asn(2914, "NTT America, Inc."))
        .insert("52.94.76.0/22", asn(16509, "AMAZON-02"));
  }
}
