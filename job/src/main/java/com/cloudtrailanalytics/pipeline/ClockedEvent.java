package com.cloudtrailanalytics.pipeline;

import com.cloudtrailanalytics.event.CloudTrailEvent;

/**
 * An event as the trail's clock saw it arrive: in time for its window, or {@code late}, after the
 * watermark had closed it.
 */
public record ClockedEvent(CloudTrailEvent event, boolean late) {}
