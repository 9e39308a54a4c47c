package com.cloudtrailanalytics.pipeline;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Gives each table's SQL operators ids of their own, the same whichever other tables the job
 * writes, so that a savepoint restores into a build that writes more tables (or fewer): Flink maps
 * state to operators by id, and a table turned on must not change the ids of the others.
 *
 * <p>Left to itself, the planner numbers operators across the whole job and Flink derives ids from
 * where an operator sits in the whole graph: a table added before another renumbers it. So each
 * table is planned on its own, and every operator its planning added gets the id {@code
 * <table>_<n>_<name>}, numbered from the table's sources to its sinks.
 */
final class TableOperatorIds {

  private TableOperatorIds() {}

  /** Plans a table's INSERTs and adds them to the job, with ids of the table's own. */
  static void attach(
      StreamExecutionEnvironment env,
      StreamTableEnvironment tables,
      String table,
      List<String> inserts) {
    // Operators are numbered as they are made: those the planning makes come after this one.
    int plannedAfter = Transformation.getNewNodeId();
    int first = env.getTransformations().size();
    StreamStatementSet statements = tables.createStatementSet();
    inserts.forEach(statements::addInsertSql);
    statements.attachAsDataStream();
    List<Transformation<?>> added =
        List.copyOf(env.getTransformations().subList(first, env.getTransformations().size()));
    if (added.isEmpty()) {
      throw new IllegalStateException(
          "Planning " + table + " added no operators to the job; its ids cannot be set");
    }
    Numbering numbering = new Numbering(table, plannedAfter);
    added.forEach(numbering::name);
  }

  /** Names the operators one table's planning made, inputs before the operators they feed. */
  private static final class Numbering {

    private final String table;
    private final int plannedAfter;
    private final Set<Transformation<?>> done = Collections.newSetFromMap(new IdentityHashMap<>());
    private int next = 1;

    Numbering(String table, int plannedAfter) {
      this.table = table;
      this.plannedAfter = plannedAfter;
    }

    /** Names the operator and its inputs, unless made before the planning (the job's streams). */
    void name(Transformation<?> transformation) {
      if (transformation.getId() < plannedAfter || !done.add(transformation)) {
        return;
      }
      transformation.getInputs().forEach(this::name);
      transformation.setUid(table + "_" + next++ + "_" + kind(transformation.getName()));
    }

    /** The operator's name without the planner's numbers: {@code Calc[12]} is {@code calc}. */
    private static String kind(String name) {
      return name.replaceAll("\\[\\d+]", "")
          .toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9]+", "-")
          .replaceAll("^-|-$", "");
    }
  }
}
