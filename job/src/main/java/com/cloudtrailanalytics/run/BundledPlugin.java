package com.cloudtrailanalytics.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3 plugin jar that the job jar carries, copied to a plugins folder that Flink's plugin finder
 * can read. The copy is kept for later runs: one folder per content of the plugin, inside a folder
 * that only this user can write, in the temporary directory. So a start finds it there rather than
 * copying 31 MB, and a run killed with {@code kill -9} leaves nothing new behind. Where no such
 * folder can be had (another user owns the name, a file system without POSIX permissions), the copy
 * is this run's own and is deleted when the JVM exits.
 */
final class BundledPlugin {

  private static final Logger LOG = LoggerFactory.getLogger(BundledPlugin.class);

  /** The plugin's folder inside a plugins root: Flink loads each such folder as one plugin. */
  static final String PLUGIN_FOLDER = "s3-fs-hadoop";

  static final String JAR_NAME = "flink-s3-fs-hadoop.jar";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private BundledPlugin() {}

  /**
   * A plugins root holding the bundled plugin, reused when this user's temporary folder has it.
   *
   * @param bundled where the class loader finds the plugin jar
   * @param temporaryFolder where to keep it, normally {@code java.io.tmpdir}
   * @param user the name of the user running the JVM
   */
  static Path pluginsRoot(URL bundled, Path temporaryFolder, String user) throws IOException {
    try {
      return keptCopy(bundled, userFolder(temporaryFolder, user));
    } catch (IOException | UnsupportedOperationException e) {
      LOG.info(
          "Copying the S3 plugin for this run only; it cannot be kept for later runs: {}",
          e.getMessage());
      return copyForThisRun(bundled);
    }
  }

  private static Path keptCopy(URL bundled, Path userFolder) throws IOException {
    Path root = userFolder.resolve("plugins-" + contentKey(bundled));
    Path jar = root.resolve(PLUGIN_FOLDER).resolve(JAR_NAME);
    if (Files.isRegularFile(jar, LinkOption.NOFOLLOW_LINKS)) {
      return root;
    }
    Files.createDirectories(jar.getParent());
    // Written beside the plugins roots, not in one: the finder would load a half-written jar.
    // The rename makes a complete jar appear at once, whichever of two starting runs wins.
    Path partial = Files.createTempFile(userFolder, JAR_NAME, ".partial");
    try {
      copy(bundled, partial);
      Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    LOG.info("Copied the S3 plugin to {}, where later runs will find it", root);
    return root;
  }

  /**
   * This user's folder in the temporary directory, created readable by this user alone. One that
   * exists must be a real folder of this user's that nobody else can write: a jar in it is loaded
   * as code.
   */
  static Path userFolder(Path temporaryFolder, String user) throws IOException {
    Path folder = temporaryFolder.resolve("cloudtrail-analytics-" + user);
    try {
      Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException e) {
      // checked below
    }
    PosixFileAttributes attributes =
        Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isDirectory()) {
      throw new IOException(folder + " is not a folder");
    }
    if (!attributes.owner().getName().equals(user)) {
      throw new IOException(folder + " belongs to " + attributes.owner().getName());
    }
    Set<PosixFilePermission> permissions = attributes.permissions();
    if (permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new IOException(folder + " can be written by others");
    }
    return folder;
  }

  /**
   * Names the plugin's content: its CRC-32 and size, which a jar's entry records (so nothing is
   * read), or computed from the file when the class path is a folder (as in the build's tests).
   */
  static String contentKey(URL bundled) throws IOException {
    URLConnection connection = bundled.openConnection();
    if (connection instanceof JarURLConnection jarConnection) {
      JarEntry entry = jarConnection.getJarEntry();
      if (entry.getCrc() >= 0 && entry.getSize() >= 0) {
        return key(entry.getCrc(), entry.getSize());
      }
    }
    CRC32 crc = new CRC32();
    long size = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = bundled.openStream()) {
      for (int read; (read = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, read);
        size += read;
      }
    }
    return key(crc.getValue(), size);
  }

  private static String key(long crc, long size) {
    return String.format(Locale.ROOT, "%08x-%d", crc, size);
  }

  private static Path copyForThisRun(URL bundled) throws IOException {
    // deleteOnExit deletes in the reverse order of registration: folders first, so they go last
    Path root = Files.createTempDirectory("cloudtrail-analytics-plugins");
    root.toFile().deleteOnExit();
    Path folder = Files.createDirectories(root.resolve(PLUGIN_FOLDER));
    folder.toFile().deleteOnExit();
    Path jar = folder.resolve(JAR_NAME);
    jar.toFile().deleteOnExit();
    copy(bundled, jar);
    return root;
  }

  private static void copy(URL bundled, Path target) throws IOException {
    try (InputStream in = bundled.openStream()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
