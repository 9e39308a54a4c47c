package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.event.FileSkip;
import com.cloudtrailanalytics.event.RejectReason;
import com.cloudtrailanalytics.source.discovery.TrailSplit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.FileSourceSplitSerializer;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes {@link TrailSplit}s into checkpoints and into the messages that hand them to readers: the
 * file split's fields, the reader's position and the skip reason. Version 1 is Flink's own {@link
 * FileSourceSplitSerializer} form, which checkpoints taken before entries could be skipped hold
 * (Flink's serializer refuses subclasses, so it cannot write ours).
 */
public final class TrailSplitSerializer implements SimpleVersionedSerializer<FileSourceSplit> {

  public static final TrailSplitSerializer INSTANCE = new TrailSplitSerializer();

  private static final int VERSION = 2;
  private static final int FLINK_FORM = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(FileSourceSplit split) throws IOException {
    TrailSplit trailSplit = TrailSplit.of(split);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(trailSplit.splitId());
      out.writeUTF(trailSplit.path().toString());
      out.writeLong(trailSplit.fileModificationTime());
      out.writeLong(trailSplit.fileSize());
      CheckpointedPosition position = trailSplit.getReaderPosition().orElse(null);
      out.writeBoolean(position != null);
      if (position != null) {
        out.writeLong(position.getOffset());
        out.writeLong(position.getRecordsAfterOffset());
      }
      FileSkip skip = trailSplit.skip();
      out.writeBoolean(skip != null);
      if (skip != null) {
        out.writeUTF(skip.reason().code());
        out.writeUTF(skip.detail());
      }
    }
    return bytes.toByteArray();
  }

  @Override
  public FileSourceSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version == FLINK_FORM) {
      return TrailSplit.of(FileSourceSplitSerializer.INSTANCE.deserialize(version, serialized));
    }
    if (version != VERSION) {
      throw new IOException("Unknown version of a CloudTrail split: " + version);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
      String id = in.readUTF();
      Path path = new Path(in.readUTF());
      long modificationTime = in.readLong();
      long size = in.readLong();
      CheckpointedPosition position =
          in.readBoolean() ? new CheckpointedPosition(in.readLong(), in.readLong()) : null;
      FileSkip skip =
          in.readBoolean()
              ? new FileSkip(
                  RejectReason.valueOf(in.readUTF().toUpperCase(Locale.ROOT)), in.readUTF())
              : null;
      return TrailSplit.restore(id, path, modificationTime, size, position, skip);
    }
  }
}
