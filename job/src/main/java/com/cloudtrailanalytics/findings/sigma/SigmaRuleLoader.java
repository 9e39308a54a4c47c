package com.cloudtrailanalytics.findings.sigma;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads Sigma rules from {@code *.yml} and {@code *.yaml} files: from folders, searched
 * recursively, on any file system (a local disk, or a jar opened as a zip file system), and from a
 * folder on the class path. Files load in sorted order, so ids clash the same way every time. Every
 * file becomes either a rule or a {@link RuleProblem}; one bad file does not stop the rest.
 */
public final class SigmaRuleLoader {

  /**
   * Loads every rule file under the given folders (or the given files), in that order.
   *
   * @throws NoSuchFileException when a folder does not exist
   * @throws IOException when a folder cannot be listed
   */
  public LoadedRules load(List<Path> roots) throws IOException {
    Batch batch = new Batch();
    for (Path root : roots) {
      for (Path file : ruleFiles(root)) {
        String source = file.toString();
        try {
          batch.add(source, readText(file));
        } catch (RuleRejectedException e) {
          batch.refuse(source, e);
        }
      }
    }
    return batch.result();
  }

  /**
   * Compiles rule files that were read elsewhere, e.g. listed and read from {@code s3://} with
   * Flink's file systems (keep those whose name passes {@link #isRuleFileName}), in the order
   * given.
   */
  public LoadedRules compile(List<RuleFile> files) {
    Batch batch = new Batch();
    for (RuleFile file : files) {
      batch.add(file.path(), file.text());
    }
    return batch.result();
  }

  /** {@link #load(List)} for one or more folders. */
  public LoadedRules load(Path... roots) throws IOException {
    return load(List.of(roots));
  }

  /**
   * Loads the rules under a class path folder such as {@code rules}, whether it is a folder on disk
   * (tests, an IDE) or inside a jar.
   *
   * @throws NoSuchFileException when no class path entry has the folder
   */
  public LoadedRules loadResources(ClassLoader classLoader, String folder) throws IOException {
    URL url = classLoader.getResource(folder);
    if (url == null) {
      throw new NoSuchFileException(folder, null, "no such folder on the class path");
    }
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException("class path folder " + folder + " has an unusable address " + url, e);
    }
    if (!uri.getScheme().equals("jar")) {
      return load(Path.of(uri));
    }
    try (FileSystem opened = FileSystems.newFileSystem(uri, Map.of())) {
      return load(opened.provider().getPath(uri));
    } catch (FileSystemAlreadyExistsException e) {
      // opened elsewhere in this process; the owner closes it
      return load(FileSystems.getFileSystem(uri).provider().getPath(uri));
    }
  }

  private static List<Path> ruleFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      if (!Files.exists(root)) {
        throw new NoSuchFileException(root.toString());
      }
      return List.of(root);
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(path -> isRuleFile(path) && Files.isRegularFile(path))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    }
  }

  private static boolean isRuleFile(Path path) {
    Path name = path.getFileName();
    return name != null && isRuleFileName(name.toString());
  }

  /** Whether a file of this name is loaded as a rule: {@code .yml} or {@code .yaml}, any case. */
  public static boolean isRuleFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yml") || lower.endsWith(".yaml");
  }

  /** The rules and problems of one load, in file order; a later rule may not reuse an id. */
  private static final class Batch {
    private final List<SigmaRule> rules = new ArrayList<>();
    private final List<RuleProblem> problems = new ArrayList<>();
    private final Map<String, String> sourceOfId = new HashMap<>();

    void add(String source, String text) {
      try {
        SigmaRule rule = SigmaRuleReader.read(source, text);
        String earlier = sourceOfId.putIfAbsent(rule.id(), source);
        if (earlier != null) {
          throw RuleRejectedException.invalid(
              "rule id '"
                  + rule.id()
                  + "' is already the id of "
                  + earlier
                  + "; ids must be unique");
        }
        rules.add(rule);
      } catch (RuleRejectedException e) {
        refuse(source, e);
      }
    }

    void refuse(String source, RuleRejectedException e) {
      problems.add(new RuleProblem(source, e.kind(), e.getMessage()));
    }

    LoadedRules result() {
      return new LoadedRules(rules, problems);
    }
  }

  private static String readText(Path file) throws RuleRejectedException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw RuleRejectedException.invalid("not UTF-8 text; save the rule as UTF-8");
    } catch (IOException e) {
      throw RuleRejectedException.invalid("cannot be read: " + e);
    }
  }
}
