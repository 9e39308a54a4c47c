package com.cloudtrailanalytics.geo;

import com.cloudtrailanalytics.config.JobOptions;
import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.core.fs.Path;

/**
 * The GeoIP2 / GeoLite2 databases of this JVM, each opened once and shared by every lookup:
 * memory-mapped, with the reader's node cache. A database on S3 (or any remote file system) is
 * first copied to a local temporary file, since it can only be mapped from local disk.
 */
public final class GeoDatabases {

  /** Which kind of database a location must hold. */
  public enum Kind {
    CITY("City", JobOptions.GEOIP_DB, "a GeoIP2 or GeoLite2 City database"),
    ASN("ASN", JobOptions.ASN_DB, "a GeoLite2 or GeoIP2 ASN database");

    private final String typeMarker;
    private final ConfigOption<String> option;
    private final String flag;
    private final String expected;

    Kind(String typeMarker, ConfigOption<String> option, String expected) {
      this.typeMarker = typeMarker;
      this.option = option;
      this.flag = "--" + option.key().substring(JobOptions.PREFIX.length());
      this.expected = expected;
    }

    /** The configuration key (and job parameter) that names a database of this kind. */
    String optionKey() {
      return option.key();
    }
  }

  private static final int CACHE_ENTRIES = 16_384;
  private static final Map<String, Reader> OPEN = new ConcurrentHashMap<>();

  private GeoDatabases() {}

  /**
   * The opened database at {@code location} (a local path, a {@code file:} URI or an {@code s3://}
   * location).
   *
   * @throws GeoDatabaseException when it is missing, not a MaxMind DB, or of the wrong kind
   */
  public static Reader open(String location, Kind kind) {
    return OPEN.computeIfAbsent(kind + " " + location, key -> load(location, kind));
  }

  private static Reader load(String location, Kind kind) {
    File file = localCopy(location, kind);
    Reader reader;
    try {
      reader = new Reader(file, Reader.FileMode.MEMORY_MAPPED, new CHMCache(CACHE_ENTRIES));
    } catch (IOException | RuntimeException e) {
      throw new GeoDatabaseException(
          kind.flag + " " + location + " is not a readable MaxMind DB file: " + e.getMessage(), e);
    }
    String type = reader.getMetadata().databaseType();
    if (!type.contains(kind.typeMarker)) {
      throw new GeoDatabaseException(
          kind.flag + " " + location + " is a " + type + " database; it must be " + kind.expected);
    }
    return reader;
  }

  private static File localCopy(String location, Kind kind) {
    Path path = new Path(location);
    String scheme = path.toUri().getScheme();
    if (scheme == null || scheme.equals("file")) {
      File file = new File(path.toUri().getPath());
      if (!file.isFile()) {
        throw new GeoDatabaseException(kind.flag + " " + location + " does not exist");
      }
      return file;
    }
    try (InputStream in = path.getFileSystem().open(path)) {
      java.nio.file.Path copy = Files.createTempFile("geoip-", "-" + path.getName());
      copy.toFile().deleteOnExit();
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy.toFile();
    } catch (IOException e) {
      throw new GeoDatabaseException(
          kind.flag + " " + location + " cannot be read: " + e.getMessage(), e);
    }
  }
}
