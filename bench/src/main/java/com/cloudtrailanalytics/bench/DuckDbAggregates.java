package com.cloudtrailanalytics.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** The peer: DuckDB's read_json over the same files, both aggregates in one statement. */
final class DuckDbAggregates {

  private static final String RECORD =
      "STRUCT(eventTime VARCHAR, awsRegion VARCHAR, recipientAccountId VARCHAR, errorCode VARCHAR,"
          + " userIdentity STRUCT(type VARCHAR, arn VARCHAR,"
          + " sessionContext STRUCT(sessionIssuer STRUCT(arn VARCHAR))))[]";

  private DuckDbAggregates() {}

  static PlainJavaAggregates.Counts run(Path trail) throws Exception {
    String files = trail.resolve("AWSLogs").toString() + "/*/CloudTrail/*/*/*/*/*.json.gz";
    String sql =
        "WITH records AS MATERIALIZED ("
            + " SELECT unnest(Records) AS r"
            + " FROM read_json('"
            + files
            + "', columns = {Records: '"
            + RECORD
            + "'},"
            + " format = 'auto', maximum_object_size = 134217728)),"
            + " windowed AS (SELECT time_bucket(INTERVAL 5 MINUTE, CAST(r.eventTime AS TIMESTAMP)) AS w,"
            + " r.recipientAccountId AS account, CASE WHEN r.userIdentity.type = 'AssumedRole'"
            + " AND r.userIdentity.sessionContext.sessionIssuer.arn IS NOT NULL"
            + " THEN r.userIdentity.sessionContext.sessionIssuer.arn"
            + " ELSE coalesce(r.userIdentity.arn, r.userIdentity.type) END AS principal,"
            + " r.awsRegion AS region, r.errorCode AS errorCode FROM records),"
            + " users AS (SELECT w, account, principal, count(*) AS events, count(errorCode) AS errors"
            + " FROM windowed GROUP BY ALL),"
            + " regions AS (SELECT w, account, region, count(*) AS events, count(errorCode) AS errors"
            + " FROM windowed GROUP BY ALL)"
            + " SELECT (SELECT sum(events) FROM users), (SELECT count(*) FROM users),"
            + " (SELECT count(*) FROM regions)";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return new PlainJavaAggregates.Counts(result.getLong(1), result.getInt(2), result.getInt(3));
    }
  }
}
