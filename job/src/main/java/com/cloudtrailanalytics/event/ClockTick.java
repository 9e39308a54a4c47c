package com.cloudtrailanalytics.event;

/**
 * The trail's clock has advanced: no event still to come is older than {@code watermarkMillis},
 * except late ones. Readers put it into their stream, where it becomes the watermark.
 */
public record ClockTick(long watermarkMillis) implements TrailItem {}
