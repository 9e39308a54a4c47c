package com.cloudtrailanalytics.source;

import static com.cloudtrailanalytics.source.TrailFiles.logFile;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.record.ClockTick;
import com.cloudtrailanalytics.record.FileReport;
import com.cloudtrailanalytics.record.TrailFile;
import com.cloudtrailanalytics.record.TrailItem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.util.UserCodeClassLoader;
import org.junit.jupiter.api.Test;

class ClockedReaderTest {

  private final FakeFileReader files = new FakeFileReader();
  private final FakeContext context = new FakeContext();
  private final CollectingOutput output = new CollectingOutput();
  private final ClockedReader reader = new ClockedReader(files, context);

  @Test
  void emitsNothingUntilItKnowsTheClock() throws Exception {
    reader.start();
    files.items.add(report());

    assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    CompletableFuture<Void> available = reader.isAvailable();
    assertThat(available).isNotDone();

    reader.handleSourceEvents(new ClockEvent(1000));

    assertThat(available).isDone();
    drain();
    assertThat(output.items).containsExactly(new ClockTick(1000), files.emitted.get(0));
  }

  @Test
  void putsATickIntoTheStreamWheneverTheClockAdvances() throws Exception {
    reader.start();
    reader.handleSourceEvents(new ClockEvent(1000));
    drain();
    CompletableFuture<Void> waiting = reader.isAvailable();

    reader.handleSourceEvents(new ClockEvent(500));
    assertThat(waiting).as("an older clock changes nothing").isNotDone();
    reader.handleSourceEvents(new ClockEvent(2000));
    assertThat(waiting).isDone();
    drain();

    assertThat(output.items).containsExactly(new ClockTick(1000), new ClockTick(2000));
  }

  @Test
  void tellsTheEnumeratorWhichFilesItTookOverFromACheckpoint() {
    FileSourceSplit restored = logFile("us-east-1", "20240301T1000Z");
    reader.addSplits(List.of(restored));
    reader.start();
    reader.addSplits(List.of(logFile("us-east-1", "20240301T1005Z")));

    assertThat(context.events).containsExactly(new HeldFilesEvent(List.of(restored.splitId())));
  }

  private void drain() throws Exception {
    while (reader.pollNext(output) == InputStatus.MORE_AVAILABLE) {
      // keep polling
    }
  }

  private static FileReport report() {
    return new FileReport(TrailFile.of("file:/t/a.json"), FileReport.Status.READ, 0, 0, null);
  }

  /** Emits queued items one per poll, like the file reader does. */
  private static final class FakeFileReader implements SourceReader<TrailItem, FileSourceSplit> {
    final Queue<TrailItem> items = new ArrayDeque<>();
    final List<TrailItem> emitted = new ArrayList<>();

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<TrailItem> output) {
      TrailItem item = items.poll();
      if (item == null) {
        return InputStatus.NOTHING_AVAILABLE;
      }
      emitted.add(item);
      output.collect(item);
      return items.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<FileSourceSplit> snapshotState(long checkpointId) {
      return List.of();
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return new CompletableFuture<>();
    }

    @Override
    public void addSplits(List<FileSourceSplit> splits) {}

    @Override
    public void notifyNoMoreSplits() {}

    @Override
    public void close() {}
  }

  private static final class FakeContext implements SourceReaderContext {
    final List<SourceEvent> events = new ArrayList<>();

    @Override
    public void sendSourceEventToCoordinator(SourceEvent event) {
      events.add(event);
    }

    @Override
    public void sendSplitRequest() {}

    @Override
    public SourceReaderMetricGroup metricGroup() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Configuration getConfiguration() {
      return new Configuration();
    }

    @Override
    public String getLocalHostName() {
      return "localhost";
    }

    @Override
    public int getIndexOfSubtask() {
      return 0;
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
      throw new UnsupportedOperationException();
    }
  }

  private static final class CollectingOutput implements ReaderOutput<TrailItem> {
    final List<TrailItem> items = new ArrayList<>();

    @Override
    public void collect(TrailItem record) {
      items.add(record);
    }

    @Override
    public void collect(TrailItem record, long timestamp) {
      items.add(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<TrailItem> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
  }
}
