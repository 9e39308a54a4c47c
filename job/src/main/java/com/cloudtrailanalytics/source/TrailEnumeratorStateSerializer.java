package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.source.discovery.DiscoveryState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Writes {@link TrailEnumeratorState} into checkpoints, versioned so it can evolve. */
public final class TrailEnumeratorStateSerializer
    implements SimpleVersionedSerializer<TrailEnumeratorState> {

  private static final int VERSION = 1;
  private static final TrailSplitSerializer SPLITS = TrailSplitSerializer.INSTANCE;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(TrailEnumeratorState state) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(SPLITS.getVersion());
      out.writeInt(state.pendingFiles().size());
      for (FileSourceSplit split : state.pendingFiles()) {
        writeSplit(out, split);
      }
      out.writeInt(state.knownFiles().size());
      for (String path : state.knownFiles()) {
        out.writeUTF(path);
      }
      out.writeLong(state.newestFileTime());
      out.writeLong(state.clock());
      writeDiscovery(out, state.discovery());
      out.writeBoolean(state.discoveryComplete());
    }
    return bytes.toByteArray();
  }

  @Override
  public TrailEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("Unknown version of the CloudTrail enumerator's state: " + version);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
      int splitVersion = in.readInt();
      int pendingCount = in.readInt();
      List<FileSourceSplit> pending = new ArrayList<>(pendingCount);
      for (int i = 0; i < pendingCount; i++) {
        pending.add(readSplit(in, splitVersion));
      }
      int knownCount = in.readInt();
      Set<String> known = new HashSet<>(knownCount * 2);
      for (int i = 0; i < knownCount; i++) {
        known.add(in.readUTF());
      }
      long newest = in.readLong();
      long clock = in.readLong();
      DiscoveryState discovery = readDiscovery(in);
      return new TrailEnumeratorState(pending, known, newest, clock, discovery, in.readBoolean());
    }
  }

  private static void writeDiscovery(DataOutputStream out, DiscoveryState discovery)
      throws IOException {
    out.writeInt(discovery.streams().size());
    for (String stream : discovery.streams()) {
      out.writeUTF(stream);
    }
    out.writeLong(discovery.streamsFoundAtMillis());
    out.writeInt(discovery.backfillDays() == null ? -1 : discovery.backfillDays().size());
    if (discovery.backfillDays() != null) {
      for (LocalDate day : discovery.backfillDays()) {
        out.writeLong(day.toEpochDay());
      }
    }
    out.writeBoolean(discovery.caughtUp());
  }

  private static DiscoveryState readDiscovery(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<String> streams = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      streams.add(in.readUTF());
    }
    long foundAt = in.readLong();
    int days = in.readInt();
    List<LocalDate> backfill = null;
    if (days >= 0) {
      backfill = new ArrayList<>(days);
      for (int i = 0; i < days; i++) {
        backfill.add(LocalDate.ofEpochDay(in.readLong()));
      }
    }
    return new DiscoveryState(streams, foundAt, backfill, in.readBoolean());
  }

  private static void writeSplit(DataOutputStream out, FileSourceSplit split) throws IOException {
    byte[] bytes = SPLITS.serialize(split);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static FileSourceSplit readSplit(DataInputStream in, int version) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return SPLITS.deserialize(version, bytes);
  }
}
