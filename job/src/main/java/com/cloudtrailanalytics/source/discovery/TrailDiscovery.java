package com.cloudtrailanalytics.source.discovery;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;

/**
 * Finds the trail's files, one round at a time; the enumerator keeps the ones it has not seen. Each
 * file is a split whose id is its path.
 */
@FunctionalInterface
public interface TrailDiscovery extends Serializable {

  /** One round, from the state the last round left. Runs on a background thread. */
  Discovered discover(DiscoveryState state, Instant now) throws IOException;
}
