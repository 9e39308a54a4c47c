package com.cloudtrailanalytics.findings.alerts;

import com.cloudtrailanalytics.findings.Finding;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.StringUtils;

/** A finding waiting to be posted, as the alerts' checkpointed state holds it. */
final class QueuedFindingsSerializer implements SimpleVersionedSerializer<Finding> {

  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(Finding finding) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(512);
    write(out, finding.findingId());
    write(out, finding.ruleId());
    write(out, finding.ruleTitle());
    write(out, finding.severity());
    write(out, finding.tags());
    out.writeLong(finding.eventTimeMillis());
    write(out, finding.accountId());
    write(out, finding.awsRegion());
    write(out, finding.principal());
    write(out, finding.userName());
    write(out, finding.sessionName());
    write(out, finding.sourceIpAddress());
    write(out, finding.eventSource());
    write(out, finding.eventName());
    write(out, finding.eventIds());
    write(out, finding.details());
    return out.getCopyOfBuffer();
  }

  @Override
  public Finding deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("queued alerts of an unknown version " + version);
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    return new Finding(
        read(in),
        read(in),
        read(in),
        read(in),
        readArray(in),
        in.readLong(),
        read(in),
        read(in),
        read(in),
        read(in),
        read(in),
        read(in),
        read(in),
        read(in),
        readArray(in),
        read(in));
  }

  private static void write(DataOutputView out, String value) throws IOException {
    StringUtils.writeNullableString(value, out);
  }

  private static void write(DataOutputView out, String[] values) throws IOException {
    out.writeInt(values.length);
    for (String value : values) {
      write(out, value);
    }
  }

  private static String read(DataInputView in) throws IOException {
    return StringUtils.readNullableString(in);
  }

  private static String[] readArray(DataInputView in) throws IOException {
    String[] values = new String[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = read(in);
    }
    return values;
  }
}
