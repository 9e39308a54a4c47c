package com.cloudtrailanalytics.record;

/** What reading a trail file yields: events, rejected input, and one report per file. */
public sealed interface TrailItem permits CloudTrailEvent, Reject, FileReport {}
