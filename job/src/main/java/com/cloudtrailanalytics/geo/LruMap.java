package com.cloudtrailanalytics.geo;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that keeps the most recently used entries: a trail's addresses repeat. */
final class LruMap<K, V> extends LinkedHashMap<K, V> {

  private static final long serialVersionUID = 1L;
  private final int capacity;

  LruMap(int capacity) {
    super(capacity * 4 / 3 + 1, 0.75f, true);
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > capacity;
  }
}
