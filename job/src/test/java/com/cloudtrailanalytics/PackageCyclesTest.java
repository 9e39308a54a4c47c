package com.cloudtrailanalytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of the job form a graph without cycles, read from the sources' imports: the folders
 * read as the data path only while no package leans on one that leans back on it.
 */
class PackageCyclesTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern IMPORT =
      Pattern.compile(
          "(?m)^import (?:static )?(com\\.cloudtrailanalytics(?:\\.[a-z]\\w*)*)\\.[A-Z]");

  @Test
  void noPackageDependsOnItselfThroughOthers() throws IOException {
    Map<String, Set<String>> imports = imports();
    assertThat(imports).hasSizeGreaterThan(10);

    assertThat(cycles(imports)).isEmpty();
  }

  @Test
  void theCommandLineIsTheTopThatOnlyTheMainClassImports() throws IOException {
    Map<String, Set<String>> imports = imports();
    imports.remove("com.cloudtrailanalytics");

    assertThat(imports)
        .allSatisfy((from, to) -> assertThat(to).doesNotContain("com.cloudtrailanalytics.cli"));
  }

  @Test
  void aCycleIsFound() {
    Map<String, Set<String>> graph = new TreeMap<>();
    graph.put("a", Set.of("b"));
    graph.put("b", Set.of("c"));
    graph.put("c", Set.of("a"));
    graph.put("d", Set.of("a"));

    assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c"));
  }

  /** The packages each package imports from, itself left out. */
  private static Map<String, Set<String>> imports() throws IOException {
    Map<String, Set<String>> imports = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        Matcher declared = PACKAGE.matcher(source);
        if (!declared.find()) {
          continue;
        }
        String from = declared.group(1);
        Set<String> to = imports.computeIfAbsent(from, p -> new TreeSet<>());
        Matcher imported = IMPORT.matcher(source);
        while (imported.find()) {
          if (!imported.group(1).equals(from)) {
            to.add(imported.group(1));
          }
        }
      }
    }
    return imports;
  }

  /** The strongly connected groups of more than one package (Tarjan), each sorted. */
  private static List<List<String>> cycles(Map<String, Set<String>> graph) {
    return new Tarjan(graph).groups.stream().filter(group -> group.size() > 1).toList();
  }

  private static final class Tarjan {
    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final List<String> stack = new ArrayList<>();
    private final List<List<String>> groups = new ArrayList<>();

    Tarjan(Map<String, Set<String>> graph) {
      this.graph = graph;
      for (String node : graph.keySet()) {
        if (!index.containsKey(node)) {
          visit(node);
        }
      }
    }

    private void visit(String node) {
      index.put(node, index.size());
      low.put(node, index.get(node));
      stack.add(node);
      for (String next : graph.getOrDefault(node, Set.of())) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(node, Math.min(low.get(node), low.get(next)));
        } else if (stack.contains(next)) {
          low.put(node, Math.min(low.get(node), index.get(next)));
        }
      }
      if (low.get(node).equals(index.get(node))) {
        List<String> group = new ArrayList<>();
        String member;
        do {
          member = stack.remove(stack.size() - 1);
          group.add(member);
        } while (!member.equals(node));
        group.sort(null);
        groups.add(group);
      }
    }
  }
}
