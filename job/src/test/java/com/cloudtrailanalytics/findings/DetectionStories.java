package com.cloudtrailanalytics.findings;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.assumedRoleCall;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.consoleLogin;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.LINKOPING_IP;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.LONDON_IP;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.MILTON_IP;

import com.cloudtrailanalytics.sample.TrailWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A trail with one story for each stateful detection, and a near miss beside it: nicholas signs in
 * from London, then from Milton (US) half an hour later (a new country, and impossible travel);
 * mallory fails ten sign-ins in three minutes from one address (brute force), bob nine (not), and
 * carol one whose record has no address (it must not stop the job); the web server's instance
 * credentials are used from a public address (and from inside AWS).
 */
final class DetectionStories {

  static final String ATTACKER_IP = LINKOPING_IP;
  static final String CLUMSY_IP = "198.51.100.30";
  static final String OUTSIDE_IP = "203.0.113.50";

  private DetectionStories() {}

  static Path write(Path bucket) throws Exception {
    TrailWriter trail = new TrailWriter(bucket);
    List<ObjectNode> records = new ArrayList<>();
    records.add(consoleLogin("nicholas", LONDON_IP, at(0), true).eventId("london").build());
    records.add(consoleLogin("nicholas", MILTON_IP, at(30 * 60), true).eventId("milton").build());
    for (int i = 0; i < 10; i++) {
      records.add(
          consoleLogin("mallory", ATTACKER_IP, at(20 * i), false).eventId("guess-" + i).build());
    }
    for (int i = 0; i < 9; i++) {
      records.add(consoleLogin("bob", CLUMSY_IP, at(40 * i), false).eventId("typo-" + i).build());
    }
    records.add(
        consoleLogin("carol", CLUMSY_IP, at(45), false)
            .remove("sourceIPAddress")
            .eventId("no-address")
            .build());
    records.add(
        assumedRoleCall("web-server", "i-0123456789abcdef0", "ListBuckets", at(600))
            .sourceIp(OUTSIDE_IP)
            .eventId("stolen")
            .build());
    records.add(
        assumedRoleCall("web-server", "i-0123456789abcdef0", "ListBuckets", at(660))
            .eventId("inside")
            .build());
    trail.writeLogFile(ACCOUNT, US_EAST_1, BEGINNING.plus(Duration.ofMinutes(40)), records);
    return bucket;
  }

  private static Instant at(long seconds) {
    return BEGINNING.plusSeconds(seconds);
  }
}
