package com.cloudtrailanalytics.athena;

import com.cloudtrailanalytics.testing.OutputTables;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The saved queries answered by DuckDB, the fast check, over the sample run's Parquet files. */
class SavedQueriesITCase extends DashboardQueryAnswers {

  private static OutputTables tables;

  @BeforeAll
  static void openTables() throws Exception {
    tables = new OutputTables(sample.output);
  }

  @AfterAll
  static void closeTables() throws Exception {
    tables.close();
  }

  @Override
  public List<List<Object>> query(String sql, Object... parameters) throws Exception {
    return tables.query(sql, parameters);
  }
}
