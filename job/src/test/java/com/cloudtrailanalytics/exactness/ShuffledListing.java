package com.cloudtrailanalytics.exactness;

import com.cloudtrailanalytics.source.RecursiveListing;
import com.cloudtrailanalytics.source.TrailDiscovery;
import java.io.IOException;
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
  public List<FileSourceSplit> discover() throws IOException {
    List<FileSourceSplit> files = new ArrayList<>(new RecursiveListing(root).discover());
    Collections.shuffle(files, new Random(seed));
    return files;
  }
}
