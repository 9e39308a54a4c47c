package com.cloudtrailanalytics.geo;

/** A GeoIP database that cannot be used; the message names the file and what is wrong. */
public final class GeoDatabaseException extends RuntimeException {

  public GeoDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }

  public GeoDatabaseException(String message) {
    super(message);
  }
}
