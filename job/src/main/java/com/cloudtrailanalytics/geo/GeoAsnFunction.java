package com.cloudtrailanalytics.geo;

import com.maxmind.db.Reader;
import java.net.InetAddress;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.types.Row;

/**
 * SQL function {@code geo_asn(ip)}: the network an IP address belongs to, from a GeoLite2 or GeoIP2
 * ASN database, as {@code ROW<asn, as_org>}; null when unknown or without a database.
 */
@FunctionHint(output = @DataTypeHint("ROW<asn BIGINT, as_org STRING>"))
public final class GeoAsnFunction extends GeoLookupFunction {

  public static final String NAME = "geo_asn";
  private static final long serialVersionUID = 1L;

  /**
   * For SQL that registers the function by class name ({@code CREATE FUNCTION geo_asn AS
   * 'com.cloudtrailanalytics.geo.GeoAsnFunction'}): the database is the job parameter {@code
   * cloudtrail.asn-db}, if set.
   */
  public GeoAsnFunction() {
    super(GeoDatabases.Kind.ASN, null, true);
  }

  /**
   * @param database the ASN database's location, or null for none
   */
  public GeoAsnFunction(String database) {
    super(GeoDatabases.Kind.ASN, database, false);
  }

  public Row eval(String ip) throws Exception {
    return lookUp(ip);
  }

  @Override
  Row answer(Reader reader, InetAddress address) throws Exception {
    AsnRecord asn = reader.get(address, AsnRecord.class);
    return asn == null ? null : Row.of(asn.number(), asn.organization());
  }
}
