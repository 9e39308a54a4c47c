package com.cloudtrailanalytics.pipeline;

import com.cloudtrailanalytics.event.CloudTrailEvent;

/** An event whose window had already been closed by the watermark when it arrived. */
public record LateEvent(CloudTrailEvent event, long watermarkMillis) {}
