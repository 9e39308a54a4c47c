package com.cloudtrailanalytics.report;

import java.util.List;

/**
 * What a panel shows: the columns and rows of its query, or why it has none (a table that is not
 * there, a subject that was not given), and whether having none is good news (nothing amiss).
 */
record PanelResult(
    List<String> columns, List<List<Object>> rows, String emptyBecause, boolean allClear) {

  static PanelResult nothing(String because) {
    return new PanelResult(List.of(), List.of(), because, false);
  }

  static PanelResult allClear(String message) {
    return new PanelResult(List.of(), List.of(), message, true);
  }
}
