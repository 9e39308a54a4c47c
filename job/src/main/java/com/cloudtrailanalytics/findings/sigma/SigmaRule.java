package com.cloudtrailanalytics.findings.sigma;

import com.cloudtrailanalytics.findings.Severity;
import java.io.Serializable;
import java.util.List;

/**
 * A Sigma rule for CloudTrail, compiled and ready to match. Serializable, so that a Flink job can
 * load rules where it starts and ship them to its operators.
 *
 * @param id the rule's {@code id}, else the file's name without {@code .yml}/{@code .yaml}
 * @param severity from {@code level}; {@link #DEFAULT_SEVERITY} when the rule has none
 * @param tags e.g. {@code attack.defense-evasion}, {@code attack.t1562.008}; empty when none
 * @param description empty when none
 * @param falsePositives the {@code falsepositives} list; empty when none
 * @param references the {@code references} list; empty when none
 * @param source the file the rule came from, as the loader found it
 */
public record SigmaRule(
    String id,
    String title,
    Severity severity,
    List<String> tags,
    String description,
    List<String> falsePositives,
    List<String> references,
    String source,
    SigmaDetection detection)
    implements Serializable {

  /**
   * For a rule without {@code level}: the middle of the scale, so that an unrated rule neither
   * drowns among informational findings nor pages anyone as critical.
   */
  public static final Severity DEFAULT_SEVERITY = Severity.MEDIUM;

  public SigmaRule {
    tags = List.copyOf(tags);
    falsePositives = List.copyOf(falsePositives);
    references = List.copyOf(references);
  }

  /** Whether the record is what the rule detects. */
  public boolean matches(RecordFields record) {
    return detection.matches(record);
  }

  /** The same rule, named by another path to its file. */
  public SigmaRule withSource(String otherSource) {
    return new SigmaRule(
        id, title, severity, tags, description, falsePositives, references, otherSource, detection);
  }

  /** The fields the rule reads, each once, in the order it names them. */
  public List<FieldPath> fields() {
    return detection.fields().distinct().toList();
  }

  @Override
  public String toString() {
    return id + " (" + severity.label() + ") " + title;
  }
}
