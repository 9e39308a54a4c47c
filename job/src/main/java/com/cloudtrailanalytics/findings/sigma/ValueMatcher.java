package com.cloudtrailanalytics.findings.sigma;

import java.io.Serializable;
import java.util.function.Predicate;

/** One value of a rule, compiled: tests one (non-null) value of a record. */
interface ValueMatcher extends Predicate<String>, Serializable {}
