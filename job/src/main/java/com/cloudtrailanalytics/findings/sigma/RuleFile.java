package com.cloudtrailanalytics.findings.sigma;

/**
 * The text of one rule file, read by the caller.
 *
 * @param path how problems name the file, e.g. {@code s3://bucket/rules/stop_logging.yml}
 */
public record RuleFile(String path, String text) {}
