package com.cloudtrailanalytics.report;

import java.util.List;

/**
 * What a panel shows: the columns and rows of its query, or why it has none (a table that is not
 * there, a subject that was not given).
 */
record PanelResult(List<String> columns, List<List<Object>> rows, String emptyBecause) {

  static PanelResult nothing(String because) {
    return new PanelResult(List.of(), List.of(), because);
  }
}
