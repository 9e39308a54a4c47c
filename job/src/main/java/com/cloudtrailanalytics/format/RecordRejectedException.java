package com.cloudtrailanalytics.format;

import com.cloudtrailanalytics.event.RejectReason;

/** A single CloudTrail record that cannot become an event. */
public final class RecordRejectedException extends Exception {

  private final RejectReason reason;

  public RecordRejectedException(RejectReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
