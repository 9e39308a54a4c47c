package com.cloudtrailanalytics.pipeline;

import com.cloudtrailanalytics.config.JobSettings;
import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.TrailItem;
import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.alerts.Alerts;
import com.cloudtrailanalytics.findings.detections.Detections;
import com.cloudtrailanalytics.findings.sigma.RuleSets;
import com.cloudtrailanalytics.findings.sigma.SigmaFindings;
import com.cloudtrailanalytics.geo.GeoFunctions;
import com.cloudtrailanalytics.source.TrailSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole job as one path: CloudTrail files -> events (rejects and file reports aside) -> event
 * time and late events -> temporary views -> the SQL in {@code sql/flink/} -> Parquet tables.
 */
public final class CloudTrailPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(CloudTrailPipeline.class);

  private final JobSettings settings;
  private final TrailSource source;

  public CloudTrailPipeline(JobSettings settings, TrailSource source) {
    this.settings = settings;
    this.source = source;
  }

  /** Adds the whole job to the environments: the streams, the views and every table's INSERTs. */
  public void build(StreamExecutionEnvironment env, StreamTableEnvironment tables) {
    DataStream<TrailItem> items =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "CloudTrail files")
            .uid("cloudtrail-files");
    SingleOutputStreamOperator<ClockedEvent> events =
        items
            .transform(
                "Event time",
                TypeInformation.of(ClockedEvent.class),
                new EventClock(settings.window()))
            .uid("event-time");

    List<SqlScripts.Script> scripts = SqlScripts.forTables(settings.tables());
    Predicate<TableView<?>> used =
        view -> {
          Pattern name = Pattern.compile("\\b" + view.name() + "\\b");
          return scripts.stream().anyMatch(script -> name.matcher(script.text()).find());
        };
    DataStream<LateEvent> lateEvents = events.getSideOutput(EventClock.LATE_EVENTS);
    ActivityView activity = new ActivityView(settings.window());
    if (used.test(activity)) {
      registerWithEventTime(tables, events, activity);
    }
    // Tables partitioned by event time need the trail's clock to mark hours complete (_SUCCESS);
    // a view without it passes on only the watermark at the end of a bounded input.
    registerWithEventTime(tables, lateEvents, new LateEventsView());
    InsightEventsView insights = new InsightEventsView();
    if (used.test(insights)) {
      registerWithEventTime(tables, events.getSideOutput(EventClock.INSIGHTS), insights);
    }
    DataStream<CloudTrailEvent> everyEvent = events.getSideOutput(EventClock.EVERY_EVENT);
    EventsView eventRows = new EventsView();
    if (used.test(eventRows)) {
      registerWithEventTime(tables, everyEvent, eventRows);
    }
    ConsoleLoginsView consoleLogins = new ConsoleLoginsView();
    if (used.test(consoleLogins)) {
      registerWithEventTime(
          tables,
          everyEvent
              .filter(CloudTrailEvent::isConsoleLogin)
              .name("Console sign-ins")
              .uid("console-sign-ins"),
          consoleLogins);
    }
    FindingsView findings = new FindingsView();
    if (used.test(findings)) {
      SingleOutputStreamOperator<Finding> checked =
          everyEvent
              .process(
                  new EventChecks(
                      new SigmaFindings(RuleSets.load(settings.detections()).rules()),
                      Detections.signals(settings.geoipDb(), settings.asnDb())))
              .returns(TypeInformation.of(Finding.class))
              .name("Sigma rules and detection signals")
              .uid("event-checks");
      DataStream<Finding> found =
          checked.union(Detections.findings(checked, settings.detections()));
      registerWithEventTime(tables, found, findings);
      Alerts.settings(settings).ifPresent(alerts -> Alerts.post(found, alerts));
    }
    register(tables, events.getSideOutput(EventClock.REJECTS), new RejectsView());
    register(tables, events.getSideOutput(EventClock.FILE_REPORTS), new SourceFilesView());

    GeoFunctions.register(tables, settings.geoipDb(), settings.asnDb());

    Map<String, String> placeholders =
        Map.of("output", settings.output(), "window", intervalLiteral(settings.window()));
    for (SqlScripts.Script script : scripts) {
      LOG.info("Running {}/{}", SqlScripts.FOLDER, script.fileName());
      List<String> inserts = new ArrayList<>();
      for (String statement : script.statements(placeholders)) {
        if (statement.regionMatches(true, 0, "INSERT", 0, 6)) {
          inserts.add(statement);
        } else {
          tables.executeSql(statement);
        }
      }
      if (!inserts.isEmpty()) {
        TableOperatorIds.attach(env, tables, script.table().orElse(script.fileName()), inserts);
      }
    }
  }

  private static <T> void registerWithEventTime(
      StreamTableEnvironment tables, DataStream<T> stream, TableView<T> view) {
    registerWithEventTime(tables, rows(stream, view, "to-" + view.name()), view.name());
  }

  /** A view whose rows have their stream timestamp as the event-time attribute {@code rowtime}. */
  private static void registerWithEventTime(
      StreamTableEnvironment tables, DataStream<RowData> rows, String name) {
    Schema schema =
        Schema.newBuilder()
            .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
            .watermark("rowtime", "SOURCE_WATERMARK()")
            .build();
    tables.createTemporaryView(name, tables.fromDataStream(rows, schema));
  }

  private static <T> void register(
      StreamTableEnvironment tables, DataStream<T> stream, TableView<T> view) {
    tables.createTemporaryView(
        view.name(), tables.fromDataStream(rows(stream, view, "to-" + view.name())));
  }

  private static <T> DataStream<RowData> rows(DataStream<T> stream, TableView<T> view, String uid) {
    return stream
        .map(view)
        .returns(InternalTypeInfo.of((RowType) view.rowType().getLogicalType()))
        .name("To " + view.name())
        .uid(uid);
  }

  /** The window length as a SQL interval literal, in its largest whole unit. */
  static String intervalLiteral(Duration window) {
    long seconds = window.toSeconds();
    if (seconds % 86_400 == 0) {
      return interval(seconds / 86_400, "DAY");
    }
    if (seconds % 3_600 == 0) {
      return interval(seconds / 3_600, "HOUR");
    }
    if (seconds % 60 == 0) {
      return interval(seconds / 60, "MINUTE");
    }
    return interval(seconds, "SECOND");
  }

  private static String interval(long amount, String unit) {
    String digits = Long.toString(amount);
    return String.format(
        Locale.ROOT, "INTERVAL '%s' %s(%d)", digits, unit, Math.max(2, digits.length()));
  }
}
