package com.cloudtrailanalytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.cloudtrailanalytics.report.Dashboards.Panel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DashboardsTest {

  private static final Set<String> PARAMETERS = Set.of("from", "to", "person", "instance");
  private static final Set<String> CHARTS = Set.of("line", "area", "bar", "map", "table");

  private final List<Panel> panels =
      Dashboards.load().dashboards().stream().flatMap(d -> d.panels().stream()).toList();

  @Test
  void theDashboardsOfTheSeedsFindingsTheInvestigationAndInputHealth() {
    assertThat(Dashboards.load().dashboards())
        .extracting(Dashboards.Dashboard::title)
        .containsExactly(
            "General operations",
            "Error overview",
            "Console sign-ins",
            "EC2 security group changes",
            "Operational account activity",
            "Findings",
            "Investigation",
            "Input health");
  }

  @Test
  void everyPanelBindsEachQuestionMarkOfItsQueryToANamedParameter() {
    assertThat(panels).hasSizeGreaterThan(15);
    for (Panel panel : panels) {
      String withoutComments = panel.sql().replaceAll("--[^\\n]*", "").replaceAll("'[^']*'", "");
      long marks = withoutComments.chars().filter(c -> c == '?').count();
      assertThat(panel.parameters()).as(panel.query()).hasSize((int) marks);
      assertThat(PARAMETERS).as(panel.query()).containsAll(panel.parameters());
      assertThat(CHARTS).as(panel.query()).contains(panel.chart().type());
    }
  }

  @Test
  void aQueryReadsTheTablesItNamesAfterFromOrJoin() {
    assertThat(
            PanelQueries.tablesRead(
                "-- FROM rejects\nWITH x AS (SELECT * FROM console_logins)"
                    + " SELECT * FROM events e LEFT JOIN findings f ON true JOIN x ON true"))
        .containsExactly("console_logins", "events", "findings");
    assertThat(PanelQueries.tablesRead("SELECT * FROM rejects r JOIN source_files f ON true"))
        .containsExactly("rejects", "source_files");
  }

  @Test
  void theInputHealthPanelsSayThatNoRowsIsGoodNews() {
    assertThat(panels)
        .filteredOn(panel -> panel.empty() != null)
        .extracting(Panel::query, Panel::empty)
        .containsExactly(
            tuple(
                "unread_input_by_reason",
                "Nothing set aside; every file listed was read whole, every record kept."),
            tuple("files_not_read_whole", "Every file listed was read whole."));
  }
}
