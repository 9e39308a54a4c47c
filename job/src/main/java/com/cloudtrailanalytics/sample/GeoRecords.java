package com.cloudtrailanalytics.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records shaped like those of GeoIP2/GeoLite2 City and ASN databases, for {@link MaxMindDbWriter}.
 */
public final class GeoRecords {

  private GeoRecords() {}

  /** A city record; {@code subdivision} may be null. */
  public static Map<String, Object> city(
      String countryIsoCode,
      String countryName,
      String subdivision,
      String city,
      double latitude,
      double longitude) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("city", Map.of("names", Map.of("en", city)));
    record.put("country", Map.of("iso_code", countryIsoCode, "names", Map.of("en", countryName)));
    record.put(
        "location", Map.of("latitude", latitude, "longitude", longitude, "accuracy_radius", 50));
    if (subdivision != null) {
      record.put("subdivisions", List.of(Map.of("names", Map.of("en", subdivision))));
    }
    return record;
  }

  /** A country-only record, as GeoLite2 has for many networks. */
  public static Map<String, Object> country(String countryIsoCode, String countryName) {
    return Map.of(
        "country", Map.of("iso_code", countryIsoCode, "names", Map.of("en", countryName)));
  }

  public static Map<String, Object> asn(long number, String organization) {
    return Map.of(
        "autonomous_system_number", number, "autonomous_system_organization", organization);
  }
}
