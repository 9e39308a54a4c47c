package com.cloudtrailanalytics.findings.detections;

import com.cloudtrailanalytics.findings.Signal;
import java.time.Instant;

/** Signals for the detections' stories: named people, places and instants. */
final class SignIns {

  static final Instant MORNING = Instant.parse("2025-03-03T09:00:00Z");
  static final String NICHOLAS = "arn:aws:iam::111122223333:user/nicholas";

  /** A place a City database knows: country and coordinates. */
  record Where(String country, double latitude, double longitude) {}

  static final Where LONDON = new Where("GB", 51.5142, -0.0931);
  static final Where PARIS = new Where("FR", 48.8566, 2.3522);
  static final Where SAO_PAULO = new Where("BR", -23.5475, -46.6361);
  static final Where SYDNEY = new Where("AU", -33.8688, 151.2093);

  private SignIns() {}

  static Signal signIn(String eventId, Instant time, String result, Where where) {
    return new Signal(
        time.toEpochMilli(),
        eventId,
        "111122223333",
        "us-east-1",
        NICHOLAS,
        "nicholas",
        null,
        "81.2.69.160",
        "signin.amazonaws.com",
        "ConsoleLogin",
        result.equals("Failure") ? "Failed authentication" : null,
        result,
        where == null ? null : where.country(),
        where == null ? null : where.latitude(),
        where == null ? null : where.longitude());
  }

  static Signal success(String eventId, Instant time, Where where) {
    return signIn(eventId, time, "Success", where);
  }

  static Signal failure(String eventId, Instant time, String user, String address) {
    Signal failed = signIn(eventId, time, "Failure", null);
    return new Signal(
        failed.timeMillis(),
        eventId,
        failed.accountId(),
        failed.awsRegion(),
        "arn:aws:iam::111122223333:user/" + user,
        user,
        null,
        address,
        failed.eventSource(),
        failed.eventName(),
        failed.errorCode(),
        failed.loginResult(),
        null,
        null,
        null);
  }
}
