package com.cloudtrailanalytics.geo;

import com.maxmind.db.MaxMindDbParameter;
import java.util.List;
import java.util.Map;

/**
 * The parts of a GeoIP2/GeoLite2 City record that {@code geo_city} returns. MaxMind's reader
 * decodes each record into this once and then serves it from its cache; GeoIP2's own {@code
 * CityResponse} carries the looked-up address, so it is built anew for every lookup, which costs
 * more than the lookup itself. Public only because the reader constructs it reflectively.
 */
public record CityRecord(
    @MaxMindDbParameter(name = "country") Country country,
    @MaxMindDbParameter(name = "subdivisions") List<Named> subdivisions,
    @MaxMindDbParameter(name = "city") Named city,
    @MaxMindDbParameter(name = "location") Location location) {

  public record Country(
      @MaxMindDbParameter(name = "iso_code") String isoCode,
      @MaxMindDbParameter(name = "names") Map<String, String> names) {}

  public record Named(@MaxMindDbParameter(name = "names") Map<String, String> names) {}

  public record Location(
      @MaxMindDbParameter(name = "latitude") Double latitude,
      @MaxMindDbParameter(name = "longitude") Double longitude) {}

  String countryIsoCode() {
    return country == null ? null : country.isoCode();
  }

  String countryName() {
    return country == null ? null : english(country.names());
  }

  /** The most specific subdivision, as GeoIP2 defines it: the last one listed. */
  String subdivisionName() {
    return subdivisions == null || subdivisions.isEmpty()
        ? null
        : english(subdivisions.get(subdivisions.size() - 1).names());
  }

  String cityName() {
    return city == null ? null : english(city.names());
  }

  Double latitude() {
    return location == null ? null : location.latitude();
  }

  Double longitude() {
    return location == null ? null : location.longitude();
  }

  private static String english(Map<String, String> names) {
    return names == null ? null : names.get("en");
  }
}
