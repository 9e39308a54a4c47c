package com.cloudtrailanalytics.findings.alerts;

import com.cloudtrailanalytics.findings.Finding;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;

/**
 * A finding as a Slack incoming-webhook message: {@code text} for notifications and any
 * Slack-compatible receiver, and {@code blocks} with rule, severity, who, what, where and when.
 */
final class SlackMessage {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackMessage() {}

  static String of(Finding finding, String country) {
    String who = finding.userName() == null ? finding.principal() : finding.userName();
    String what = finding.eventSource() + " " + finding.eventName();
    String where =
        String.format(
            Locale.ROOT,
            "account %s, %s, from %s%s",
            finding.accountId(),
            finding.awsRegion(),
            finding.sourceIpAddress(),
            country == null ? "" : " (" + country + ")");
    String when = Instant.ofEpochMilli(finding.eventTimeMillis()).toString();
    String headline =
        String.format(
            Locale.ROOT,
            "[%s] %s: %s",
            finding.severity().toUpperCase(Locale.ROOT),
            finding.ruleTitle(),
            who);

    ObjectNode message = JSON.createObjectNode();
    message.put("text", headline + " (" + what + ", " + where + ", " + when + ")");
    ArrayNode blocks = message.putArray("blocks");
    ObjectNode title = blocks.addObject().put("type", "section");
    title.putObject("text").put("type", "mrkdwn").put("text", "*" + headline + "*");
    ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
    field(fields, "Rule", finding.ruleId());
    field(fields, "Severity", finding.severity());
    field(fields, "Who", finding.principal());
    field(fields, "What", what);
    field(fields, "Where", where);
    field(fields, "When", when);
    ObjectNode context = blocks.addObject().put("type", "context");
    context
        .putArray("elements")
        .addObject()
        .put("type", "mrkdwn")
        .put(
            "text",
            "finding " + finding.findingId() + ", events " + String.join(" ", finding.eventIds()));
    return message.toString();
  }

  private static void field(ArrayNode fields, String name, String value) {
    fields.addObject().put("type", "mrkdwn").put("text", "*" + name + "*\n" + value);
  }
}
