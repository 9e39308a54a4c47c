package com.cloudtrailanalytics.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.flink.core.plugin.DirectoryBasedPluginFinder;
import org.apache.flink.core.plugin.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledPluginTest {

  private static final String USER = System.getProperty("user.name");

  @TempDir Path temp;

  @Test
  void laterRunsFindTheCopyTheFirstRunMade() throws IOException {
    URL plugin = pluginFile("plugin classes");
    Path tmpdir = Files.createDirectory(temp.resolve("tmp"));

    Path first = BundledPlugin.pluginsRoot(plugin, tmpdir, USER);
    Path jar = first.resolve(BundledPlugin.PLUGIN_FOLDER).resolve(BundledPlugin.JAR_NAME);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(0));
    Path second = BundledPlugin.pluginsRoot(plugin, tmpdir, USER);

    assertThat(second).isEqualTo(first).startsWith(tmpdir.resolve("cloudtrail-analytics-" + USER));
    assertThat(Files.getLastModifiedTime(jar).toMillis()).as("not copied again").isZero();
    assertThat(Files.readString(jar)).isEqualTo("plugin classes");
    assertThat(Files.getPosixFilePermissions(first.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    try (Stream<Path> left = Files.list(first.getParent())) {
      assertThat(left).as("no partial copies left beside the roots").containsExactly(first);
    }
  }

  @Test
  void flinkFindsTheCopyAsOnePluginWithOneJar() throws IOException {
    Path root = BundledPlugin.pluginsRoot(pluginFile("plugin classes"), temp, USER);

    List<PluginDescriptor> plugins =
        List.copyOf(new DirectoryBasedPluginFinder(root).findPlugins());

    assertThat(plugins)
        .singleElement()
        .extracting(PluginDescriptor::getPluginId)
        .isEqualTo(BundledPlugin.PLUGIN_FOLDER);
    assertThat(plugins.get(0).getPluginResourceURLs()).hasSize(1);
  }

  @Test
  void anotherContentGetsAnotherFolder() throws IOException {
    Path one = BundledPlugin.pluginsRoot(pluginFile("version one"), temp, USER);
    Path two = BundledPlugin.pluginsRoot(pluginFile("version two"), temp, USER);

    assertThat(two).isNotEqualTo(one);
    assertThat(two.getParent()).isEqualTo(one.getParent());
    assertThat(Files.readString(two.resolve("s3-fs-hadoop/flink-s3-fs-hadoop.jar")))
        .isEqualTo("version two");
  }

  @Test
  void aJarsEntryIsNamedByItsRecordedChecksumAsAFileIsByItsContent() throws IOException {
    byte[] content = "the same bytes".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(temp.resolve("plugin.jar"), content);
    Path outer = temp.resolve("job.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(outer))) {
      jar.putNextEntry(new JarEntry("flink-plugins/plugin.jar"));
      jar.write(content);
      jar.closeEntry();
    }
    URL entry = new URL("jar:" + outer.toUri() + "!/flink-plugins/plugin.jar");

    assertThat(BundledPlugin.contentKey(entry))
        .isEqualTo(BundledPlugin.contentKey(file.toUri().toURL()))
        .endsWith("-" + content.length);
  }

  @Test
  void aUserFolderOthersCanWriteIsNotUsed() throws IOException {
    Path shared = Files.createDirectory(temp.resolve("cloudtrail-analytics-" + USER));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThatThrownBy(() -> BundledPlugin.userFolder(temp, USER))
        .hasMessage(shared + " can be written by others");

    Path root = BundledPlugin.pluginsRoot(pluginFile("plugin classes"), temp, USER);
    assertThat(root.startsWith(shared)).as("a copy for this run only").isFalse();
    assertThat(Files.readString(root.resolve("s3-fs-hadoop/flink-s3-fs-hadoop.jar")))
        .isEqualTo("plugin classes");
  }

  @Test
  void aLinkInPlaceOfTheUserFolderIsNotFollowed() throws IOException {
    Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
    Path link = Files.createSymbolicLink(temp.resolve("cloudtrail-analytics-" + USER), elsewhere);

    assertThatThrownBy(() -> BundledPlugin.userFolder(temp, USER))
        .hasMessage(link + " is not a folder");
  }

  @Test
  void aUserFolderOfAnotherUserIsNotUsed() throws IOException {
    Files.createDirectory(
        temp.resolve("cloudtrail-analytics-someone-else"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

    assertThatThrownBy(() -> BundledPlugin.userFolder(temp, "someone-else"))
        .hasMessageContaining("belongs to " + USER);
  }

  private URL pluginFile(String content) throws IOException {
    Path file = Files.createTempFile(temp, "plugin", ".jar");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file.toUri().toURL();
  }
}
