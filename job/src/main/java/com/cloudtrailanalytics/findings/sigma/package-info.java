/**
 * A Sigma rule engine for CloudTrail records: {@link
 * com.cloudtrailanalytics.findings.sigma.SigmaRuleLoader} loads rule files into {@link
 * com.cloudtrailanalytics.findings.sigma.SigmaRule}s, which match a {@link
 * com.cloudtrailanalytics.findings.sigma.RecordFields}.
 *
 * <p>Supported, as the Sigma specification defines it:
 *
 * <ul>
 *   <li>values compared as case-insensitive text (numbers and booleans as the rule spells them),
 *       with {@code *} and {@code ?} wildcards and {@code \} escapes; a list of values means any of
 *       them; {@code null} (absent or null) and {@code ''};
 *   <li>modifiers {@code contains}, {@code startswith}, {@code endswith}, {@code all}, {@code
 *       cased}, {@code re} (Java regular expressions, found anywhere in the value, case-sensitive)
 *       with {@code i}, {@code m}, {@code s}, {@code exists}, {@code fieldref} (with {@code all}
 *       and {@code cased} only);
 *   <li>search identifiers that are maps (AND), lists of maps (OR) and keyword lists (found within
 *       any value of the record, wildcards honoured; {@code '|all':} for AND);
 *   <li>conditions with {@code and}, {@code or}, {@code not}, parentheses, {@code 1 of} / {@code
 *       any of} / {@code all of} a pattern or {@code them}; a list of conditions means any of them.
 * </ul>
 *
 * <p>Not supported, and reported as such for the file: the other modifiers ({@code base64}, {@code
 * base64offset}, {@code utf16*}, {@code wide}, {@code windash}, {@code cidr}, {@code lt}/{@code
 * gt}..., {@code neq}, {@code expand}, time parts), aggregations ({@code | count()}, {@code near},
 * {@code timeframe}), {@code N of} for N other than 1, correlation rules, rule collections ({@code
 * action: global}, several YAML documents), Sigma filters, YAML aliases. Rules whose {@code
 * logsource} is not {@code product: aws, service: cloudtrail} are skipped.
 */
package com.cloudtrailanalytics.findings.sigma;
