package com.cloudtrailanalytics.geo;

import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;

/**
 * Looks addresses up in a City database for Java code (the SQL has {@code geo_city}): the country
 * and coordinates, from the database that {@code --geoip-db} names, with recent answers kept. With
 * no database every place is unknown.
 */
public final class Places implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int RECENT_ADDRESSES = 10_000;

  private final String database;
  private transient Reader reader;
  private transient Map<String, Place> recent;

  /**
   * @param database the City database's location, or null for none
   */
  public Places(String database) {
    this.database = database;
  }

  /** Where {@code ip} is; {@link Place#UNKNOWN}'s nulls for anything the database cannot say. */
  public Place of(String ip) {
    if (database == null || ip == null) {
      return Place.UNKNOWN;
    }
    if (reader == null) {
      reader = GeoDatabases.open(database, GeoDatabases.Kind.CITY);
      recent = new LruMap<>(RECENT_ADDRESSES);
    }
    return recent.computeIfAbsent(ip, this::lookUp);
  }

  private Place lookUp(String ip) {
    InetAddress address = IpAddresses.parse(ip);
    if (address == null) {
      return Place.UNKNOWN;
    }
    try {
      CityRecord city = reader.get(address, CityRecord.class);
      return city == null
          ? Place.UNKNOWN
          : new Place(city.countryIsoCode(), city.latitude(), city.longitude());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
