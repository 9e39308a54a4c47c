package com.cloudtrailanalytics.findings.sigma;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which rules may match an event, told from a few of its typed fields before any rule reads the
 * record: its {@code eventName} (most rules name the calls they are about), its {@code
 * userIdentity.type} (root usage) and whether it has an {@code errorCode} (refused calls). A rule
 * is left out only when its own detection could not match, so no finding is lost; most events then
 * meet no rule at all.
 */
final class RuleIndex implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final FieldPath EVENT_NAME = FieldPath.of("eventName");
  private static final FieldPath IDENTITY_TYPE = FieldPath.of("userIdentity.type");
  private static final FieldPath ERROR_CODE = FieldPath.of("errorCode");
  private static final Gated[] NONE = new Gated[0];

  /** Every rule with its tests, in the rules' order. */
  private final List<Gated> rules;

  /** The rules that may match an event of each name seen so far, in the rules' order. */
  private transient Map<String, Gated[]> byEventName;

  RuleIndex(List<SigmaRule> rules) {
    this.rules = rules.stream().map(Gated::of).toList();
  }

  /** The rules that may match an event named {@code eventName}, each with its other tests. */
  Gated[] byEventName(String eventName) {
    if (byEventName == null) {
      byEventName = new HashMap<>();
    }
    String name = eventName == null ? "" : eventName;
    Gated[] candidates = byEventName.get(name);
    if (candidates == null) {
      String lower = name.toLowerCase(Locale.ROOT);
      candidates =
          rules.stream()
              .filter(
                  gated -> {
                    Set<String> names = gated.rule().detection().requiredValues(EVENT_NAME);
                    return names == null || names.contains(lower);
                  })
              .toArray(Gated[]::new);
      byEventName.put(name, candidates.length == 0 ? NONE : candidates);
    }
    return candidates;
  }

  /**
   * A rule with the tests an event must pass before the rule is tried on it.
   *
   * @param identityTypes the {@code userIdentity.type} values one of which the rule needs, or null
   * @param needsErrorCode whether the rule needs an {@code errorCode}
   */
  record Gated(SigmaRule rule, String[] identityTypes, boolean needsErrorCode)
      implements Serializable {

    static Gated of(SigmaRule rule) {
      Set<String> types = rule.detection().requiredValues(IDENTITY_TYPE);
      // compared ignoring case as the rule's own test does, which only plain ASCII makes exact
      boolean ascii =
          types != null && types.stream().allMatch(type -> type.chars().allMatch(c -> c < 128));
      return new Gated(
          rule,
          ascii ? types.toArray(String[]::new) : null,
          rule.detection().requiresValue(ERROR_CODE));
    }

    boolean admits(CloudTrailEvent event) {
      if (needsErrorCode && event.errorCode() == null) {
        return false;
      }
      return identityTypes == null || isOneOf(event.identityType(), identityTypes);
    }

    private static boolean isOneOf(String value, String[] lowerCaseValues) {
      if (value == null) {
        return false;
      }
      for (String candidate : lowerCaseValues) {
        if (value.equalsIgnoreCase(candidate)) {
          return true;
        }
      }
      return false;
    }
  }
}
