package com.cloudtrailanalytics.findings.detections;

import com.cloudtrailanalytics.findings.Severity;
import java.io.Serializable;

/** What a built-in stateful detection reports as its rule: id, title, severity and tags. */
public record Detection(String id, String title, Severity severity, String[] tags)
    implements Serializable {}
