package com.cloudtrailanalytics.geo;

import org.apache.flink.table.api.TableEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes {@code geo_city(ip)} and {@code geo_asn(ip)} available to the job's SQL. */
public final class GeoFunctions {

  private static final Logger LOG = LoggerFactory.getLogger(GeoFunctions.class);

  private GeoFunctions() {}

  /**
   * Registers both functions, after opening each given database once so that a missing or wrong
   * file stops the job at startup rather than in its tasks.
   *
   * @param cityDatabase the City database's location, or null to leave locations null
   * @param asnDatabase the ASN database's location, or null to leave networks null
   * @throws GeoDatabaseException when a given database cannot be used
   */
  public static void register(TableEnvironment tables, String cityDatabase, String asnDatabase) {
    if (cityDatabase == null) {
      LOG.warn(
          "No --geoip-db: console_logins will have no locations. To add them, pass"
              + " --geoip-db <GeoLite2-City.mmdb | s3://...> (free from MaxMind:"
              + " https://dev.maxmind.com/geoip/geolite2-free-geolocation-data), and"
              + " --asn-db <GeoLite2-ASN.mmdb> for networks.");
    } else {
      GeoDatabases.open(cityDatabase, GeoDatabases.Kind.CITY);
      LOG.info("Geo-tagging with {}", cityDatabase);
    }
    if (asnDatabase != null) {
      GeoDatabases.open(asnDatabase, GeoDatabases.Kind.ASN);
      LOG.info("Looking up networks in {}", asnDatabase);
    }
    tables.createTemporarySystemFunction(GeoCityFunction.NAME, new GeoCityFunction(cityDatabase));
    tables.createTemporarySystemFunction(GeoAsnFunction.NAME, new GeoAsnFunction(asnDatabase));
  }
}
