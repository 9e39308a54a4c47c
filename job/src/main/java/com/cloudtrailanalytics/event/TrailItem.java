package com.cloudtrailanalytics.event;

/**
 * What reading a trail yields: events (and Insights events), rejected input, one report per file,
 * and the clock.
 */
public sealed interface TrailItem
    permits CloudTrailEvent, InsightEvent, Reject, FileReport, ClockTick {}
