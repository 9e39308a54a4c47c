package com.cloudtrailanalytics.dashboards;

import com.cloudtrailanalytics.testing.TrinoServer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data source a dashboard's panels query, and what its plugin needs of a query: the SQL, with
 * tables named as it resolves them, and the fields of a query target beside {@code rawSQL} and
 * {@code format}, whose names both plugins share (Grafana's sqlds: format 0 is a time series, 1 a
 * table).
 *
 * @param uid the data source's uid, or the {@code ${variable}} that chooses it
 * @param variables the dashboard variables that choosing the data source takes
 * @param personDefault the initial value of the person variable (a user name)
 * @param instanceDefault the initial value of the instance variable (an EC2 instance id)
 * @param tableNames the SQL with its tables named as the data source finds them
 */
public record GrafanaDatasource(
    String dashboardUid,
    String dashboardTitle,
    String type,
    String uid,
    List<ObjectNode> variables,
    String personDefault,
    String instanceDefault,
    ObjectNode targetFields,
    UnaryOperator<String> tableNames) {

  public static final String DATABASE = "cloudtrail_analytics";
  public static final String TRINO_UID = "cloudtrail-trino";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * The demo's Trino through Grafana's Trino plugin, whose data source has no catalog or schema:
   * the tables are named in full.
   */
  public static GrafanaDatasource trino(Collection<String> tables, String person, String instance) {
    Pattern table = Pattern.compile("\\b(FROM|JOIN)(\\s+)(" + String.join("|", tables) + ")\\b");
    String schema = TrinoServer.CATALOG + "." + DATABASE + ".";
    UnaryOperator<String> qualified =
        sql ->
            PanelSql.replaceInCode(
                sql, table, from -> "$1$2" + Matcher.quoteReplacement(schema) + "$3");
    return new GrafanaDatasource(
        "cloudtrail-trino",
        "CloudTrail analytics (Trino)",
        "trino-datasource",
        TRINO_UID,
        List.of(),
        person,
        instance,
        JSON.objectNode(),
        qualified);
  }

  /**
   * Amazon Athena through Grafana's Athena plugin, the data source chosen in a variable: each query
   * names the region and catalog of the data source and the database of the tables.
   */
  public static GrafanaDatasource athena() {
    ObjectNode chooser =
        JSON.objectNode()
            .put("type", "datasource")
            .put("name", "datasource")
            .put("label", "Athena data source")
            .put("query", "grafana-athena-datasource")
            .put("regex", "")
            .put("refresh", 1)
            .put("hide", 0)
            .put("includeAll", false)
            .put("multi", false);
    ObjectNode connection =
        JSON.objectNode()
            .put("region", "__default")
            .put("catalog", "__default")
            .put("database", DATABASE);
    ObjectNode fields = JSON.objectNode();
    fields.set("connectionArgs", connection);
    return new GrafanaDatasource(
        "cloudtrail-athena",
        "CloudTrail analytics (Athena)",
        "grafana-athena-datasource",
        "${datasource}",
        List.of(chooser),
        "",
        "",
        fields,
        UnaryOperator.identity());
  }

  /** The reference a panel or query target gives to this data source. */
  public ObjectNode reference() {
    return JSON.objectNode().put("type", type).put("uid", uid);
  }
}
