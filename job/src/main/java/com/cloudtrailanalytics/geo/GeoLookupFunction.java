package com.cloudtrailanalytics.geo;

import com.maxmind.db.Reader;
import java.net.InetAddress;
import java.util.Map;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.types.Row;

/**
 * A SQL function that looks an IP address up in one MaxMind database, shared by every function of
 * the process that uses the same file. Anything that is not an IP address, and any address the
 * database does not know, has the answer null; so has every address when there is no database.
 */
abstract class GeoLookupFunction extends ScalarFunction {

  private static final long serialVersionUID = 1L;
  private static final int RECENT_ADDRESSES = 10_000;

  /** Stands for "not an address, or not in the database" among the recent answers. */
  private static final Row UNKNOWN = new Row(0);

  private final GeoDatabases.Kind kind;
  private final String database;
  private final boolean databaseFromJobParameters;
  private transient Reader reader;

  /** Recent answers by address: a trail's addresses repeat, and City records are slow to decode. */
  private transient Map<String, Row> recent;

  /**
   * @param database the database's location; null for none, or, when {@code
   *     databaseFromJobParameters}, for the job parameter named by {@code kind}
   */
  GeoLookupFunction(GeoDatabases.Kind kind, String database, boolean databaseFromJobParameters) {
    this.kind = kind;
    this.database = database;
    this.databaseFromJobParameters = databaseFromJobParameters;
  }

  @Override
  public void open(FunctionContext context) {
    String location =
        databaseFromJobParameters ? context.getJobParameter(kind.optionKey(), null) : database;
    if (location != null && !location.isBlank()) {
      reader = GeoDatabases.open(location.strip(), kind);
    }
  }

  /** The answer for {@code ip}, or null. */
  final Row lookUp(String ip) throws Exception {
    if (reader == null || ip == null) {
      return null;
    }
    if (recent == null) {
      recent = new LruMap<>(RECENT_ADDRESSES);
    }
    Row answer = recent.get(ip);
    if (answer == null) {
      InetAddress address = IpAddresses.parse(ip);
      answer = address == null ? null : answer(reader, address);
      if (answer == null) {
        answer = UNKNOWN;
      }
      recent.put(ip, answer);
    }
    return answer == UNKNOWN ? null : answer;
  }

  /** What the database says about an address, or null when it does not know it. */
  abstract Row answer(Reader reader, InetAddress address) throws Exception;
}
