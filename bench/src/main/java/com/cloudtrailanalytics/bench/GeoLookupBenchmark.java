package com.cloudtrailanalytics.bench;

import com.cloudtrailanalytics.geo.AsnRecord;
import com.cloudtrailanalytics.geo.CityRecord;
import com.cloudtrailanalytics.geo.GeoAsnFunction;
import com.cloudtrailanalytics.geo.GeoCityFunction;
import com.cloudtrailanalytics.sample.GeoRecords;
import com.cloudtrailanalytics.sample.MaxMindDbWriter;
import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import java.io.File;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.flink.table.functions.FunctionContext;
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
 * Lookups per second on one core: the job's {@code geo_city} / {@code geo_asn} functions (string
 * in, row out) beside MaxMind's reader used directly with the same file and cache, and beside
 * GeoIP2's documented {@code DatabaseReader.tryCity}, on the same addresses. Every call looks up a
 * different address than the one before, as rows of many users would.
 *
 * <p>By default the databases are generated: {@value #NETWORKS} IPv4 networks and a few IPv6 ones.
 * {@code -p cityDb=<file> -p asnDb=<file>} measures real MaxMind files instead, over the addresses
 * of MaxMind's published test databases.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeoLookupBenchmark {

  static final int NETWORKS = 50_000;

  /** The cache size the job uses. */
  private static final int CACHE = 16_384;

  private static final String[] MAXMIND_TEST_ADDRESSES = {
    "81.2.69.142", "89.160.20.112", "216.160.83.56", "2.125.160.216", "175.16.199.10",
    "2001:218::1", "67.43.156.1", "81.2.69.160", "89.160.20.128", "2a02:d280::1"
  };

  @Param("generated")
  public String cityDb;

  @Param("generated")
  public String asnDb;

  /**
   * How many different addresses the calls cycle through: few enough for the function's cache of
   * recent addresses (as a trail's sign-ins are), or so many that nearly every call misses it.
   */
  @Param({"4096", "1000000"})
  public int addressCount;

  private Path generated;
  private String[] addresses;
  private InetAddress[] parsed;
  private int next;

  private Reader rawCity;
  private Reader rawAsn;
  private DatabaseReader geoip2City;
  private GeoCityFunction geoCity;
  private GeoAsnFunction geoAsn;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    generated = Files.createTempDirectory("geo-bench");
    Random random = new Random(42);
    String city = cityDb;
    String asn = asnDb;
    if (city.equals("generated")) {
      city = generated.resolve("City.mmdb").toString();
      asn = generated.resolve("ASN.mmdb").toString();
      addresses = writeDatabases(random, city, asn, addressCount);
    } else {
      addresses = MAXMIND_TEST_ADDRESSES;
    }
    parsed = new InetAddress[addresses.length];
    for (int i = 0; i < addresses.length; i++) {
      parsed[i] = InetAddress.getByName(addresses[i]);
    }
    rawCity = new Reader(new File(city), Reader.FileMode.MEMORY_MAPPED, new CHMCache(CACHE));
    rawAsn = new Reader(new File(asn), Reader.FileMode.MEMORY_MAPPED, new CHMCache(CACHE));
    geoip2City =
        new DatabaseReader.Builder(new File(city))
            .fileMode(Reader.FileMode.MEMORY_MAPPED)
            .withCache(new CHMCache(CACHE))
            .build();
    geoCity = new GeoCityFunction(city);
    geoCity.open(new FunctionContext(null, null, null));
    geoAsn = new GeoAsnFunction(asn);
    geoAsn.open(new FunctionContext(null, null, null));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    rawCity.close();
    rawAsn.close();
    geoip2City.close();
  }

  /** The job's function: parses the string, looks it up, builds the row. */
  @Benchmark
  public Object geoCity() throws Exception {
    return geoCity.eval(nextAddress());
  }

  /** The same lookup on MaxMind's reader alone, the string parsed with getByName. */
  @Benchmark
  public Object rawReaderCity() throws Exception {
    return rawCity.get(InetAddress.getByName(nextAddress()), CityRecord.class);
  }

  /** MaxMind's reader on addresses parsed in advance: the lookup alone. */
  @Benchmark
  public Object rawReaderCityPreparsed() throws Exception {
    return rawCity.get(parsed[nextIndex()], CityRecord.class);
  }

  /** GeoIP2's documented API on the same reader and cache, which builds a CityResponse. */
  @Benchmark
  public Object geoip2CityResponse() throws Exception {
    return geoip2City.tryCity(InetAddress.getByName(nextAddress()));
  }

  @Benchmark
  public Object geoAsn() throws Exception {
    return geoAsn.eval(nextAddress());
  }

  @Benchmark
  public Object rawReaderAsn() throws Exception {
    return rawAsn.get(InetAddress.getByName(nextAddress()), AsnRecord.class);
  }

  private String nextAddress() {
    return addresses[nextIndex()];
  }

  private int nextIndex() {
    next = next + 1 == addresses.length ? 0 : next + 1;
    return next;
  }

  /** Writes both databases; returns addresses inside their networks, and some outside. */
  private static String[] writeDatabases(
      Random random, String cityFile, String asnFile, int addressCount) throws Exception {
    MaxMindDbWriter city = new MaxMindDbWriter("GeoLite2-City", "benchmark cities");
    MaxMindDbWriter asn = new MaxMindDbWriter("GeoLite2-ASN", "benchmark networks");
    String[] networks = new String[NETWORKS];
    for (int i = 0; i < NETWORKS; i++) {
      int first = 1 + random.nextInt(223);
      networks[i] = first + "." + random.nextInt(256) + "." + random.nextInt(256);
      int place = random.nextInt(5_000);
      city.insert(
          networks[i] + ".0/24",
          GeoRecords.city(
              "C" + (place % 200),
              "Country " + (place % 200),
              "Region " + (place % 1_000),
              "City " + place,
              -60 + place % 120,
              -170 + place % 340));
      asn.insert(networks[i] + ".0/24", GeoRecords.asn(1 + place % 3_000L, "AS " + place % 3_000));
    }
    for (int i = 0; i < 64; i++) {
      city.insert(
          "2001:" + Integer.toHexString(0x200 + i) + "::/32", GeoRecords.country("JP", "Japan"));
    }
    city.write(Path.of(cityFile));
    asn.write(Path.of(asnFile));
    String[] addresses = new String[addressCount];
    for (int i = 0; i < addressCount; i++) {
      addresses[i] =
          switch (i % 16) {
            case 0 -> "2001:" + Integer.toHexString(0x200 + random.nextInt(64)) + "::1";
            case 1 -> "10.0." + random.nextInt(256) + "." + random.nextInt(256);
            default -> networks[random.nextInt(NETWORKS)] + "." + random.nextInt(256);
          };
    }
    return addresses;
  }
}
