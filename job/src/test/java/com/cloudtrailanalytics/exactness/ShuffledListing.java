package com.cloudtrailanalytics.exactness;

import com.cloudtrailanalytics.source.discovery.Discovered;
import com.cloudtrailanalytics.source.discovery.DiscoveryState;
import com.cloudtrailanalytics.source.discovery.RecursiveListing;
import com.cloudtrailanalytics.source.discovery.TrailDiscovery;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.connector.file.src.FileSourceSplit;

/** Lists the trail like {@link RecursiveListing}, then in a shuffled order, as storage may. */
final class ShuffledListing implements TrailDiscovery {

  private final String root;
  private final long seed;

  ShuffledListing(String root, long seed) {
    this.root = root;
    this.seed = seed;
  }

  @Override
  public Discovered discover(DiscoveryState state, Instant now) throws IOException {
    Discovered listed = new RecursiveListing(root).discover(state, now);
    List<FileSourceSplit> files = new ArrayList<>(listed.files());
    Collections.shuffle(files, new Random(seed));
    return new Discovered(files, listed.state(), listed.listings(), listed.forgetBeforeMillis());
  }
}
