package com.cloudtrailanalytics.pipeline;

import com.cloudtrailanalytics.config.InvalidSettingException;
import com.cloudtrailanalytics.config.TableNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Flink SQL of the job: the files in {@code sql/flink/} (bundled in the jar), run in the order
 * of their names. A file {@code NN_<table>.sql} defines the output table {@code <table>}; files
 * numbered {@code 00} hold what all tables share.
 */
public final class SqlScripts {

  static final String FOLDER = "sql/flink";
  private static final Pattern TABLE_FILE = Pattern.compile("\\d+_([a-z0-9_]+)\\.sql");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  private SqlScripts() {}

  /** The shared setup, and the scripts of the chosen tables and of those always written. */
  public static List<Script> forTables(Collection<String> chosen) {
    List<Script> all = load();
    Set<String> known = new TreeSet<>();
    all.forEach(script -> script.table().ifPresent(known::add));
    List<String> unknown = chosen.stream().filter(table -> !known.contains(table)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidSettingException(
          String.format(
              "--tables names %s, which the job does not write; it writes %s", unknown, known));
    }
    return all.stream()
        .filter(
            script ->
                script
                    .table()
                    .map(
                        table ->
                            chosen.contains(table) || TableNames.ALWAYS_WRITTEN.contains(table))
                    .orElse(true))
        .toList();
  }

  /** One SQL file. */
  public record Script(String fileName, String text) {

    /** The output table the file defines, or empty for shared setup. */
    public Optional<String> table() {
      Matcher matcher = TABLE_FILE.matcher(fileName);
      return matcher.matches() && !fileName.startsWith("00_")
          ? Optional.of(matcher.group(1))
          : Optional.empty();
    }

    /** The file's statements with every {@code ${name}} replaced by its value. */
    public List<String> statements(Map<String, String> values) {
      StringBuilder filled = new StringBuilder();
      Matcher placeholder = PLACEHOLDER.matcher(text);
      while (placeholder.find()) {
        String value = values.get(placeholder.group(1));
        if (value == null) {
          throw new InvalidSettingException(
              String.format(
                  "%s/%s uses the placeholder ${%s}, which the job does not define (it defines %s)",
                  FOLDER, fileName, placeholder.group(1), values.keySet()));
        }
        placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
      }
      placeholder.appendTail(filled);
      return split(filled.toString());
    }
  }

  /** All scripts, in run order. */
  public static List<Script> load() {
    ClassLoader loader = SqlScripts.class.getClassLoader();
    return listFileNames(loader).stream()
        .sorted()
        .map(name -> new Script(name, read(loader, FOLDER + "/" + name)))
        .toList();
  }

  /** Splits on semicolons outside string literals and comments; drops comments. */
  static List<String> split(String sql) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (!inString && c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        int endOfLine = sql.indexOf('\n', i);
        i = endOfLine < 0 ? sql.length() : endOfLine;
        current.append('\n');
        continue;
      }
      if (c == '\'') {
        inString = !inString;
      }
      if (c == ';' && !inString) {
        addIfNotBlank(statements, current);
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    addIfNotBlank(statements, current);
    return statements;
  }

  private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
    String text = statement.toString().strip();
    if (!text.isEmpty()) {
      statements.add(text);
    }
  }

  private static List<String> listFileNames(ClassLoader loader) {
    URL folder = loader.getResource(FOLDER);
    if (folder == null) {
      throw new IllegalStateException(FOLDER + " is missing from the classpath");
    }
    try {
      if ("jar".equals(folder.getProtocol())) {
        return listJarFolder(folder);
      }
      try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
        return files.map(file -> file.getFileName().toString()).filter(isSql()).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot list " + folder, e);
    }
  }

  private static List<String> listJarFolder(URL folder) throws IOException {
    JarURLConnection connection = (JarURLConnection) folder.openConnection();
    connection.setUseCaches(false);
    List<String> names = new ArrayList<>();
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      String prefix = FOLDER + "/";
      while (entries.hasMoreElements()) {
        String entry = entries.nextElement().getName();
        if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0) {
          names.add(entry.substring(prefix.length()));
        }
      }
    }
    return names.stream().filter(isSql()).toList();
  }

  private static java.util.function.Predicate<String> isSql() {
    return name -> name.endsWith(".sql");
  }

  private static String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
