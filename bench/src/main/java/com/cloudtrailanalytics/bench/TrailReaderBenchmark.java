package com.cloudtrailanalytics.bench;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.event.TrailItem;
import com.cloudtrailanalytics.format.TrailFileItems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The job's CloudTrail reader on one core: a generated trail's files read into events, gzipped as
 * CloudTrail writes them or as plain JSON (the parser alone). The counters report events and bytes
 * of JSON per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrailReaderBenchmark {

  /** Read per second, over all the benchmark's invocations. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Throughput {
    public long events;
    public long jsonBytes;

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
      jsonBytes = 0;
    }
  }

  @Param({"gzip", "plain"})
  public String compression;

  private Path dir;
  private final List<Path> files = new ArrayList<>();
  private final List<Long> jsonSizes = new ArrayList<>();

  @Setup(Level.Trial)
  public void writeTrail() throws IOException {
    dir = BenchTrails.writeSmall(Files.createTempDirectory("reader-bench"), 20_000);
    for (Path gz : BenchTrails.logFiles(dir)) {
      Path plain = gz.resolveSibling(gz.getFileName().toString().replace(".json.gz", ".json"));
      try (InputStream in = new GZIPInputStream(Files.newInputStream(gz));
          OutputStream out = Files.newOutputStream(plain)) {
        in.transferTo(out);
      }
      files.add(compression.equals("gzip") ? gz : plain);
      jsonSizes.add(Files.size(plain));
    }
  }

  @Benchmark
  public long readTrail(Throughput throughput) throws IOException {
    long checksum = 0;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      try (TrailFileItems items =
          new TrailFileItems(TrailFile.of(file.toUri().toString()), Files.size(file), 1 << 20)) {
        TrailItem item;
        while ((item = items.next()) != null) {
          if (item instanceof CloudTrailEvent event) {
            checksum += event.eventTimeMillis();
            throughput.events++;
          }
        }
      }
      throughput.jsonBytes += jsonSizes.get(i);
    }
    return checksum;
  }

  @TearDown(Level.Trial)
  public void deleteTrail() throws IOException {
    BenchTrails.delete(dir);
  }
}
