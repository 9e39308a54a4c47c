package com.cloudtrailanalytics.pipeline;

import java.util.List;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.config.ExecutionConfigOptions;
import org.apache.flink.table.api.internal.TableEnvironmentImpl;

/**
 * Gives each table's SQL operators ids of their own, the same whichever other tables the job
 * writes, so that a savepoint restores into a build that writes more tables (or fewer): Flink maps
 * state to operators by id, and a table turned on must not change the ids of the others.
 *
 * <p>The planner numbers the operators it plans in one sequence, and by default ids are derived
 * from where an operator sits in the whole job's graph; either way, a table added before another
 * renumbers it. So each table is planned on its own, its numbering started again, and its ids are
 * {@code <table>_<number>_<kind>}.
 */
final class TableOperatorIds {

  private static final String NODE_CONTEXT =
      "org.apache.flink.table.planner.plan.nodes.exec.ExecNodeContext";

  private TableOperatorIds() {}

  /** Plans a table's INSERTs and adds them to the job, with ids of the table's own. */
  static void attach(StreamTableEnvironment tables, String table, List<String> inserts) {
    tables
        .getConfig()
        .set(
            ExecutionConfigOptions.TABLE_EXEC_UID_GENERATION,
            ExecutionConfigOptions.UidGeneration.ALWAYS);
    tables
        .getConfig()
        .set(ExecutionConfigOptions.TABLE_EXEC_UID_FORMAT, table + "_<id>_<transformation>");
    restartNumbering(tables);
    StreamStatementSet statements = tables.createStatementSet();
    inserts.forEach(statements::addInsertSql);
    statements.attachAsDataStream();
  }

  /**
   * Starts the planner's numbering of operators again. The planner lives in a class loader of its
   * own, so its numbering is reached through that loader.
   */
  private static void restartNumbering(StreamTableEnvironment tables) {
    try {
      ClassLoader planner =
          ((TableEnvironmentImpl) tables).getPlanner().getClass().getClassLoader();
      planner.loadClass(NODE_CONTEXT).getMethod("resetIdCounter").invoke(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          "Cannot number the operators of each table on its own (Flink's planner changed?);"
              + " savepoints would not restore into a job that writes other tables",
          e);
    }
  }
}
