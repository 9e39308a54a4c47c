package com.cloudtrailanalytics.geo;

import com.maxmind.db.Reader;
import java.net.InetAddress;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.types.Row;

/**
 * SQL function {@code geo_city(ip)}: where an IP address is, from a GeoIP2 or GeoLite2 City
 * database, as {@code ROW<country_iso_code, country_name, subdivision, city, latitude, longitude>};
 * null for anything that is not an IP address, an address the database does not know (private and
 * reserved ranges included), or when the job has no database.
 */
@FunctionHint(
    output =
        @DataTypeHint(
            "ROW<country_iso_code STRING, country_name STRING, subdivision STRING, city STRING,"
                + " latitude DOUBLE, longitude DOUBLE>"))
public final class GeoCityFunction extends GeoLookupFunction {

  public static final String NAME = "geo_city";
  private static final long serialVersionUID = 1L;

  /**
   * For SQL that registers the function by class name ({@code CREATE FUNCTION geo_city AS
   * 'com.cloudtrailanalytics.geo.GeoCityFunction'}): the database is the job parameter {@code
   * cloudtrail.geoip-db}, if set.
   */
  public GeoCityFunction() {
    super(GeoDatabases.Kind.CITY, null, true);
  }

  /**
   * @param database the City database's location, or null for none
   */
  public GeoCityFunction(String database) {
    super(GeoDatabases.Kind.CITY, database, false);
  }

  public Row eval(String ip) throws Exception {
    return lookUp(ip);
  }

  @Override
  Row answer(Reader reader, InetAddress address) throws Exception {
    CityRecord city = reader.get(address, CityRecord.class);
    return city == null
        ? null
        : Row.of(
            city.countryIsoCode(),
            city.countryName(),
            city.subdivisionName(),
            city.cityName(),
            city.latitude(),
            city.longitude());
  }
}
