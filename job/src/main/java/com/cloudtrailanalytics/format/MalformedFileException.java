package com.cloudtrailanalytics.format;

import com.cloudtrailanalytics.event.RejectReason;

/** A file whose structure stops us from reading further records out of it. */
final class MalformedFileException extends Exception {

  private final RejectReason reason;
  private final long position;
  private final long byteOffset;

  /**
   * @param position index of the first record that could not be read
   * @param byteOffset offset of the problem in the uncompressed file
   */
  MalformedFileException(RejectReason reason, String detail, long position, long byteOffset) {
    super(detail);
    this.reason = reason;
    this.position = position;
    this.byteOffset = byteOffset;
  }

  RejectReason reason() {
    return reason;
  }

  long position() {
    return position;
  }

  long byteOffset() {
    return byteOffset;
  }
}
