package com.cloudtrailanalytics.run;

import com.cloudtrailanalytics.config.JobOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.DefaultPluginManager;
import org.apache.flink.core.plugin.DirectoryBasedPluginFinder;
import org.apache.flink.core.plugin.PluginDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@code s3://} locations work in a job that runs embedded ({@code java -jar}, tests).
 *
 * <p>Flink's S3 file system must be loaded as a plugin, in a class loader of its own, because it
 * carries a Hadoop that would clash with the one the Parquet writer uses. A Flink cluster loads it
 * from its {@code plugins/} folder; an embedded run has none, so the jar carries the plugin as a
 * file, which is copied to a temporary folder and loaded from there ({@link BundledPlugin}).
 * Flink's file systems are then initialised with the job's configuration, which an embedded cluster
 * does not do on its own.
 */
public final class FileSystemSetup {

  private static final Logger LOG = LoggerFactory.getLogger(FileSystemSetup.class);

  /** Where the build puts the plugin jar (see the dependency plugin in job/pom.xml). */
  private static final String BUNDLED_PLUGIN = "flink-plugins/s3-fs-hadoop/flink-s3-fs-hadoop.jar";

  /**
   * S3 has no folders; S3A writes empty "folder/" markers and, by default, deletes the parent
   * markers after every write, one bulk request each. Only this job writes its prefixes, so keeping
   * the markers saves those requests (and some S3-compatible stores do not answer them well).
   */
  private static final String KEEP_DIRECTORY_MARKERS = "s3.directory.marker.retention";

  private static Path extractedPlugins;

  private FileSystemSetup() {}

  /** Initialises Flink's file systems for this JVM with the given configuration. */
  public static synchronized void initialize(Configuration jobConfig) {
    Configuration config = withS3Defaults(jobConfig);
    Collection<PluginDescriptor> plugins = plugins();
    FileSystem.initialize(
        config,
        new DefaultPluginManager(plugins, CoreOptions.getPluginParentFirstLoaderPatterns(config)));
  }

  /** What the S3 plugin needs beyond the job's configuration: credentials, TLS, markers. */
  static Configuration withS3Defaults(Configuration jobConfig) {
    Configuration config = new Configuration(jobConfig);
    boolean explicitKeys =
        config.containsKey("s3.access-key") || config.containsKey("s3.access.key");
    if (!config.contains(JobOptions.S3_CREDENTIALS_PROVIDER) && !explicitKeys) {
      config.set(
          JobOptions.S3_CREDENTIALS_PROVIDER, JobOptions.S3_CREDENTIALS_PROVIDER.defaultValue());
    }
    boolean plainHttp =
        config.getOptional(JobOptions.S3_ENDPOINT).filter(e -> e.startsWith("http://")).isPresent();
    if (plainHttp && !config.containsKey("s3.connection.ssl.enabled")) {
      config.setString("s3.connection.ssl.enabled", "false");
    }
    if (!config.containsKey(KEEP_DIRECTORY_MARKERS)) {
      config.setString(KEEP_DIRECTORY_MARKERS, "keep");
    }
    return config;
  }

  private static Collection<PluginDescriptor> plugins() {
    try {
      Path root = extractBundledPlugin();
      return root == null ? List.of() : new DirectoryBasedPluginFinder(root).findPlugins();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not load the S3 file system plugin", e);
    }
  }

  /** The bundled plugin's plugins root, found or copied once per JVM. */
  private static Path extractBundledPlugin() throws IOException {
    if (extractedPlugins != null) {
      return extractedPlugins;
    }
    URL bundled = FileSystemSetup.class.getClassLoader().getResource(BUNDLED_PLUGIN);
    if (bundled == null) {
      LOG.warn(
          "The S3 file system plugin is not in this jar; s3:// locations need a Flink cluster's plugins");
      return null;
    }
    extractedPlugins =
        BundledPlugin.pluginsRoot(
            bundled,
            Path.of(System.getProperty("java.io.tmpdir")),
            System.getProperty("user.name"));
    return extractedPlugins;
  }
}
