package com.cloudtrailanalytics.sample;

import static com.cloudtrailanalytics.sample.RecordBuilder.json;
import static com.cloudtrailanalytics.sample.SyntheticTrail.MAIN_ACCOUNT;
import static com.cloudtrailanalytics.sample.SyntheticTrail.NICHOLAS_IP;
import static com.cloudtrailanalytics.sample.SyntheticTrail.WEB_SERVER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The classic investigation, placed in the middle of the synthetic trail: IAM user {@code nicholas}
 * signs in from Milton, US with MFA early on; later someone probes the console with an unknown user
 * name, then {@code nicholas} signs in from London without MFA (a new country, and farther from
 * Milton than a plane flies in the time between), looks at the instances, stops the web server and
 * opens SSH to the world; later the root user signs in.
 */
public final class Investigation {

  public static final String SECURITY_GROUP = "sg-0webserver00001";
  public static final String PROBE_IP = "89.160.20.112";
  public static final String ROOT_IP = "216.160.83.56";
  public static final String NICHOLAS_HOME_IP = "216.160.83.58";

  private Investigation() {}

  /**
   * When nicholas signs in, for a trail that starts at {@code start} and lasts {@code duration}.
   */
  public static Instant nicholasLogin(Instant start, Duration duration) {
    return start
        .plus(duration.multipliedBy(45).dividedBy(100))
        .truncatedTo(ChronoUnit.MINUTES)
        .plusSeconds(17);
  }

  /** When nicholas signs in from where he usually does, hours before the London sign-in. */
  public static Instant nicholasUsualLogin(Instant start, Duration duration) {
    return start
        .plus(duration.multipliedBy(10).dividedBy(100))
        .truncatedTo(ChronoUnit.MINUTES)
        .plusSeconds(5);
  }

  /** When nicholas stops the web server. */
  public static Instant webServerStopped(Instant start, Duration duration) {
    return nicholasLogin(start, duration).plus(Duration.ofMinutes(4));
  }

  static List<ScriptedEvent> script(Instant start, Duration duration, String region) {
    Instant login = nicholasLogin(start, duration);
    List<ScriptedEvent> script = new ArrayList<>();
    Instant usual = nicholasUsualLogin(start, duration);
    script.add(
        new ScriptedEvent(
            usual,
            region,
            RecordBuilder.consoleLogin(MAIN_ACCOUNT, region, usual, true, true)
                .iamUser(MAIN_ACCOUNT, "nicholas")
                .sourceIp(NICHOLAS_HOME_IP)
                .eventId(id("nicholas-usual-login"))
                .build()));
    Instant probe = login.minus(Duration.ofMinutes(20));
    if (!probe.isBefore(start)) {
      script.add(
          new ScriptedEvent(
              probe,
              region,
              RecordBuilder.consoleLogin(MAIN_ACCOUNT, region, probe, false, false)
                  .unknownUser(MAIN_ACCOUNT)
                  .sourceIp(PROBE_IP)
                  .eventId(id("probe"))
                  .build()));
    }
    script.add(
        new ScriptedEvent(
            login,
            region,
            RecordBuilder.consoleLogin(MAIN_ACCOUNT, region, login, true, false)
                .iamUser(MAIN_ACCOUNT, "nicholas")
                .sourceIp(NICHOLAS_IP)
                .eventId(id("nicholas-login"))
                .build()));
    Instant look = login.plus(Duration.ofMinutes(2));
    script.add(
        new ScriptedEvent(
            look,
            region,
            consoleCall(login, look, region, "DescribeInstances", "nicholas-describe")
                .requestParameters(json("{\"instancesSet\":{},\"filterSet\":{}}"))
                .build()));
    Instant stop = webServerStopped(start, duration);
    script.add(
        new ScriptedEvent(
            stop,
            region,
            consoleCall(login, stop, region, "StopInstances", "nicholas-stop")
                .requestParameters(
                    json(
                        "{\"instancesSet\":{\"items\":[{\"instanceId\":\""
                            + WEB_SERVER
                            + "\"}]},\"force\":false}"))
                .responseElements(
                    json(
                        "{\"requestId\":\""
                            + id("nicholas-stop-request")
                            + "\",\"instancesSet\":{\"items\":[{\"instanceId\":\""
                            + WEB_SERVER
                            + "\",\"currentState\":{\"code\":64,\"name\":\"stopping\"},"
                            + "\"previousState\":{\"code\":16,\"name\":\"running\"}}]}}"))
                .build()));
    Instant open = login.plus(Duration.ofMinutes(6));
    script.add(
        new ScriptedEvent(
            open,
            region,
            consoleCall(login, open, region, "AuthorizeSecurityGroupIngress", "nicholas-ssh")
                .requestParameters(
                    json(
                        "{\"groupId\":\""
                            + SECURITY_GROUP
                            + "\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":\"tcp\","
                            + "\"fromPort\":22,\"toPort\":22,\"groups\":{},\"ipRanges\":{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]},"
                            + "\"ipv6Ranges\":{},\"prefixListIds\":{}}]}}"))
                .responseElements(
                    json("{\"requestId\":\"" + id("nicholas-ssh-request") + "\",\"_return\":true}"))
                .build()));
    Instant rootLogin = login.plus(Duration.ofMinutes(30));
    script.add(
        new ScriptedEvent(
            rootLogin,
            region,
            RecordBuilder.consoleLogin(MAIN_ACCOUNT, region, rootLogin, true, true)
                .root(MAIN_ACCOUNT)
                .sourceIp(ROOT_IP)
                .eventId(id("root-login"))
                .build()));
    return script;
  }

  private static RecordBuilder consoleCall(
      Instant login, Instant at, String region, String eventName, String name) {
    return RecordBuilder.apiCall(MAIN_ACCOUNT, region, at, "ec2.amazonaws.com", eventName)
        .consoleUser(MAIN_ACCOUNT, "nicholas", false, login)
        .sourceIp(NICHOLAS_IP)
        .eventId(id(name))
        .requestId(id(name + "-request"));
  }

  /** The id of a scripted event, the same in every generated trail. */
  public static String id(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
