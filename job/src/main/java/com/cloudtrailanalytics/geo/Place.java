package com.cloudtrailanalytics.geo;

/** Where an address is, as far as a City database knows: any part may be null. */
public record Place(String countryIsoCode, Double latitude, Double longitude) {

  static final Place UNKNOWN = new Place(null, null, null);

  public boolean hasCoordinates() {
    return latitude != null && longitude != null;
  }
}
