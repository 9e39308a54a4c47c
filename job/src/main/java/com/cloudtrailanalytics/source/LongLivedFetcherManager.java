package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.event.TrailItem;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.fetcher.SingleThreadFetcherManager;
import org.apache.flink.connector.file.src.FileSourceSplit;

/**
 * Keeps a reader's one fetcher thread between files instead of closing it whenever it has nothing
 * to read, until the reader is told there will be no more files.
 *
 * <p>Flink 2.3 closes an idle fetcher and starts a new one for the next file. When the closing
 * fetcher's last hand-over meets a queue that its successor has filled, the hand-over is dropped
 * and the old thread waits forever (FLINK-40660): a leaked thread, and a 30-second stall when the
 * reader closes. One fetcher per reader never has a successor, and is closed only after the reader
 * has drained the queue.
 */
final class LongLivedFetcherManager extends SingleThreadFetcherManager<TrailItem, FileSourceSplit> {

  private volatile boolean noMoreFiles;

  LongLivedFetcherManager(ReadSettings settings, Configuration config) {
    super(() -> new TrailSplitReader(settings), config);
  }

  void noMoreFiles() {
    noMoreFiles = true;
  }

  @Override
  public boolean maybeShutdownFinishedFetchers() {
    return noMoreFiles && super.maybeShutdownFinishedFetchers();
  }
}
