package com.cloudtrailanalytics.record;

/** What reading a trail yields: events, rejected input, one report per file, and the clock. */
public sealed interface TrailItem permits CloudTrailEvent, Reject, FileReport, ClockTick {}
