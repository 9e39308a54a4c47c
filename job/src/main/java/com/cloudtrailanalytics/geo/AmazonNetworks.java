package com.cloudtrailanalytics.geo;

import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells Amazon's own addresses (EC2, AWS services) by their network in an ASN database: Amazon's
 * autonomous systems, or an organization named Amazon. An EC2 instance with a public address calls
 * AWS from one of these, so only an address outside them is "outside AWS".
 */
public final class AmazonNetworks implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<Long> AMAZON_SYSTEMS = Set.of(7224L, 8987L, 14618L, 16509L);
  private static final int RECENT_ADDRESSES = 10_000;

  private final String database;
  private transient Reader reader;
  private transient Map<InetAddress, Boolean> recent;

  /**
   * @param database the ASN database's location (not null)
   */
  public AmazonNetworks(String database) {
    this.database = database;
  }

  public boolean contains(InetAddress address) {
    if (reader == null) {
      reader = GeoDatabases.open(database, GeoDatabases.Kind.ASN);
      recent = new LruMap<>(RECENT_ADDRESSES);
    }
    return recent.computeIfAbsent(address, this::lookUp);
  }

  private boolean lookUp(InetAddress address) {
    try {
      AsnRecord network = reader.get(address, AsnRecord.class);
      return network != null
          && (AMAZON_SYSTEMS.contains(network.number())
              || (network.organization() != null
                  && network.organization().toUpperCase(Locale.ROOT).contains("AMAZON")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
