package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.config.JobSettings;
import com.cloudtrailanalytics.config.TableNames;
import com.cloudtrailanalytics.event.TrailItem;
import com.cloudtrailanalytics.source.discovery.DiscoveryState;
import com.cloudtrailanalytics.source.discovery.LayoutDiscovery;
import com.cloudtrailanalytics.source.discovery.TrailDiscovery;
import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The job's source: every CloudTrail file of the trail, read in delivery-time order, with the
 * trail's clock in the stream.
 */
public final class TrailSource
    implements Source<TrailItem, FileSourceSplit, TrailEnumeratorState>,
        ResultTypeQueryable<TrailItem> {

  private static final long serialVersionUID = 1L;

  /** The table of Insights events: Insights files are read only when it is written. */
  private final ReadSettings reading;

  private final TrailDiscovery discovery;
  private final boolean bounded;
  private final Duration monitorInterval;
  private final Duration progressInterval;
  private final Duration maxDelay;
  private final Clock clock;

  public TrailSource(
      ReadSettings reading,
      TrailDiscovery discovery,
      boolean bounded,
      Duration monitorInterval,
      Duration progressInterval,
      Duration maxDelay,
      Clock clock) {
    this.reading = reading;
    this.discovery = discovery;
    this.bounded = bounded;
    this.monitorInterval = monitorInterval;
    this.progressInterval = progressInterval;
    this.maxDelay = maxDelay;
    this.clock = clock;
  }

  /** The source for the job's settings, listing the input with {@code discovery}. */
  public static TrailSource of(JobSettings settings, TrailDiscovery discovery) {
    return new TrailSource(
        new ReadSettings(
            settings.maxRecordBytes(),
            settings.tables().contains(TableNames.INSIGHT_EVENTS),
            settings.readAttempts(),
            settings.readRetryDelay()),
        discovery,
        settings.bounded(),
        settings.monitorInterval(),
        settings.progressInterval(),
        settings.maxDelay(),
        Clock.systemUTC());
  }

  /** Discovery that follows CloudTrail's layout, as the settings ask. */
  public static TrailDiscovery layoutDiscovery(JobSettings settings) {
    return new LayoutDiscovery(
        settings.input(), settings.startDate(), settings.lookback(), settings.structureInterval());
  }

  @Override
  public Boundedness getBoundedness() {
    return bounded ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<TrailItem, FileSourceSplit> createReader(SourceReaderContext context) {
    return new TrailReader(context, reading);
  }

  @Override
  public SplitEnumerator<FileSourceSplit, TrailEnumeratorState> createEnumerator(
      SplitEnumeratorContext<FileSourceSplit> context) {
    return new TrailEnumerator(
        context,
        discovery,
        bounded,
        monitorInterval,
        progressInterval,
        clock,
        new FileSchedule(maxDelay),
        DiscoveryState.initial(),
        false,
        false);
  }

  @Override
  public SplitEnumerator<FileSourceSplit, TrailEnumeratorState> restoreEnumerator(
      SplitEnumeratorContext<FileSourceSplit> context, TrailEnumeratorState state) {
    FileSchedule schedule =
        FileSchedule.restore(
            maxDelay,
            state.pendingFiles(),
            state.knownFiles(),
            state.newestFileTime(),
            state.clock());
    return new TrailEnumerator(
        context,
        discovery,
        bounded,
        monitorInterval,
        progressInterval,
        clock,
        schedule,
        state.discovery(),
        state.discoveryComplete(),
        true);
  }

  @Override
  public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
    return TrailSplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<TrailEnumeratorState> getEnumeratorCheckpointSerializer() {
    return new TrailEnumeratorStateSerializer();
  }

  @Override
  public TypeInformation<TrailItem> getProducedType() {
    return TrailItemTypeInfo.INSTANCE;
  }
}
