package com.cloudtrailanalytics.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.MemorySize;

/**
 * Every setting of the job. Each can be given as a command-line flag or as Flink configuration
 * ({@code -Dkey=value}, {@code config.yaml}, the operator's {@code flinkConfiguration}).
 */
public final class JobOptions {

  /** Every option's key starts with this; its command-line flag is the rest, e.g. --input. */
  public static final String PREFIX = "cloudtrail.";

  private JobOptions() {}

  public static final ConfigOption<String> INPUT =
      key("cloudtrail.input")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The trail: a local folder or s3://bucket/prefix. The prefix may be the bucket root,"
                  + " AWSLogs/, or any folder below it.");

  public static final ConfigOption<String> OUTPUT =
      key("cloudtrail.output")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Where the tables go: a local folder or s3://bucket/prefix. Each table is a folder"
                  + " of Parquet files below it, partitioned by dt and hr.");

  public static final ConfigOption<Duration> WINDOW =
      key("cloudtrail.window")
          .durationType()
          .defaultValue(Duration.ofMinutes(5))
          .withDescription("Length of the tumbling windows of the activity tables.");

  public static final ConfigOption<Boolean> BOUNDED =
      key("cloudtrail.bounded")
          .booleanType()
          .defaultValue(false)
          .withDescription(
              "Read the files present at start, close every window, commit every file, print a"
                  + " summary and exit. Without it the job watches the input for new files"
                  + " forever.");

  public static final ConfigOption<Duration> MONITOR_INTERVAL =
      key("cloudtrail.monitor-interval")
          .durationType()
          .defaultValue(Duration.ofMinutes(1))
          .withDescription("How often the long-lived job looks for new files.");

  public static final ConfigOption<Duration> PROGRESS_INTERVAL =
      key("cloudtrail.progress-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(5))
          .withDescription("How often a bounded run tells how far it has read.");

  public static final ConfigOption<Duration> MAX_DELAY =
      key("cloudtrail.max-delay")
          .durationType()
          .defaultValue(Duration.ofMinutes(15))
          .withDescription(
              "How far behind the newest event an event may arrive and still be counted in its"
                  + " window's row (the watermark's bounded out-of-orderness). CloudTrail delivers"
                  + " in about 5 minutes on average, with no guarantee. Events that arrive later"
                  + " are counted in further rows of their window (late = true) and listed in"
                  + " late_events; a larger value makes that rarer but holds every window open"
                  + " longer.");

  public static final ConfigOption<MemorySize> MAX_RECORD_SIZE =
      key("cloudtrail.max-record-size")
          .memoryType()
          .defaultValue(MemorySize.parse("1mb"))
          .withDescription(
              "Records larger than this are rejected (reason record_too_large) instead of"
                  + " being parsed.");

  public static final ConfigOption<Integer> READ_ATTEMPTS =
      key("cloudtrail.read-attempts")
          .intType()
          .defaultValue(5)
          .withDescription(
              "How many times reading a file is tried when storage fails (throttling, server"
                  + " errors, timeouts), waiting longer each time; then the file is rejected"
                  + " (reason read_failed) and the job goes on. A file storage refuses (403) is"
                  + " rejected at once (reason access_denied).");

  public static final ConfigOption<Duration> READ_RETRY_DELAY =
      key("cloudtrail.read-retry-delay")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription(
              "The wait before reading a file again after storage failed; it doubles before each"
                  + " further try.");

  public static final ConfigOption<String> START_DATE =
      key("cloudtrail.start-date")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The first day (UTC, YYYY-MM-DD) to read. A new deployment backfills from it, day by"
                  + " day in delivery order, then follows new files. By default: the earliest day"
                  + " in the trail.");

  public static final ConfigOption<Duration> LOOKBACK =
      key("cloudtrail.lookback")
          .durationType()
          .defaultValue(Duration.ofDays(1))
          .withDescription(
              "How far back, from now, day folders are listed again for new files (today and"
                  + " yesterday UTC by default). CloudTrail writes a file into the folder of its"
                  + " delivery day, within minutes; a longer lookback costs listings and memory.");

  public static final ConfigOption<Duration> STRUCTURE_INTERVAL =
      key("cloudtrail.structure-interval")
          .durationType()
          .defaultValue(Duration.ofHours(1))
          .withDescription("How often the trail is searched for new accounts and regions.");

  public static final ConfigOption<List<String>> TABLES =
      key("cloudtrail.tables")
          .stringType()
          .asList()
          .defaultValues(TableNames.CHOOSABLE.toArray(String[]::new))
          .withDescription(
              "The tables to write, comma-separated; late_events, rejects and source_files, which"
                  + " account for every record, are always written.");

  public static final ConfigOption<String> GEOIP_DB =
      key("cloudtrail.geoip-db")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "A MaxMind GeoIP2 or GeoLite2 City database (.mmdb), local or on s3://, to geo-tag"
                  + " console sign-ins and the geo_city(ip) SQL function. Without it location"
                  + " columns are null.");

  public static final ConfigOption<String> ASN_DB =
      key("cloudtrail.asn-db")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "A MaxMind GeoLite2 or GeoIP2 ASN database (.mmdb), local or on s3://, for the asn"
                  + " and as_org columns and the geo_asn(ip) SQL function.");

  // --- Findings: Sigma rules and stateful detections ---

  public static final ConfigOption<List<String>> RULES =
      key("cloudtrail.rules")
          .stringType()
          .asList()
          .noDefaultValue()
          .withDescription(
              "A folder of Sigma rules (.yml), local or on s3://, to run on every event into the"
                  + " findings table; repeatable. Rules for other log sources are skipped, and"
                  + " named at start.");

  public static final ConfigOption<Boolean> NO_DEFAULT_RULES =
      key("cloudtrail.no-default-rules")
          .booleanType()
          .defaultValue(false)
          .withDescription("Do not run the built-in rules (CIS AWS Foundations 4.x and more).");

  public static final ConfigOption<Duration> NEW_COUNTRY_WINDOW =
      key("cloudtrail.new-country-window")
          .durationType()
          .defaultValue(Duration.ofDays(30))
          .withDescription(
              "A console sign-in from a country not seen for that person in this long is a"
                  + " finding (needs --geoip-db).");

  public static final ConfigOption<Integer> TRAVEL_MAX_SPEED =
      key("cloudtrail.travel-max-speed")
          .intType()
          .defaultValue(900)
          .withDescription(
              "Two sign-ins of one person farther apart than this speed allows, in km/h, are a"
                  + " finding (impossible travel; needs --geoip-db).");

  public static final ConfigOption<Integer> TRAVEL_MIN_DISTANCE =
      key("cloudtrail.travel-min-distance")
          .intType()
          .defaultValue(500)
          .withDescription(
              "Impossible travel needs at least this distance, in km: GeoIP places addresses only"
                  + " roughly.");

  public static final ConfigOption<Integer> BRUTE_FORCE_COUNT =
      key("cloudtrail.brute-force-count")
          .intType()
          .defaultValue(10)
          .withDescription(
              "This many failed console sign-ins from one address within --brute-force-window"
                  + " are a finding.");

  public static final ConfigOption<Duration> BRUTE_FORCE_WINDOW =
      key("cloudtrail.brute-force-window")
          .durationType()
          .defaultValue(Duration.ofMinutes(10))
          .withDescription("See --brute-force-count.");

  public static final ConfigOption<Integer> SPRAYING_COUNT =
      key("cloudtrail.spraying-count")
          .intType()
          .defaultValue(20)
          .withDescription(
              "This many failed console sign-ins in one account and region within"
                  + " --spraying-window are a finding (password spraying).");

  public static final ConfigOption<Duration> SPRAYING_WINDOW =
      key("cloudtrail.spraying-window")
          .durationType()
          .defaultValue(Duration.ofMinutes(10))
          .withDescription("See --spraying-count.");

  public static final ConfigOption<Integer> ACCESS_DENIED_COUNT =
      key("cloudtrail.access-denied-count")
          .intType()
          .defaultValue(20)
          .withDescription(
              "This many AccessDenied or Unauthorized errors of one principal within"
                  + " --access-denied-window are a finding.");

  public static final ConfigOption<Duration> ACCESS_DENIED_WINDOW =
      key("cloudtrail.access-denied-window")
          .durationType()
          .defaultValue(Duration.ofMinutes(5))
          .withDescription("See --access-denied-count.");

  public static final ConfigOption<Duration> INSTANCE_CREDENTIALS_REPEAT =
      key("cloudtrail.instance-credentials-repeat")
          .durationType()
          .defaultValue(Duration.ofDays(1))
          .withDescription(
              "An EC2 instance role session used from one address outside AWS is a finding once"
                  + " per this interval while it goes on.");

  public static final ConfigOption<String> ALERT_WEBHOOK =
      key("cloudtrail.alert-webhook")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Post each new finding of at least --alert-min-severity to this URL, as"
                  + " Slack-compatible JSON (a Slack incoming webhook works as it is).");

  public static final ConfigOption<String> ALERT_MIN_SEVERITY =
      key("cloudtrail.alert-min-severity")
          .stringType()
          .defaultValue("high")
          .withDescription(
              "The lowest severity posted to --alert-webhook: informational, low, medium, high"
                  + " or critical.");

  // --- S3: Flink's own keys for its S3 file system plugin, so they work in config.yaml too ---

  public static final ConfigOption<String> S3_ENDPOINT =
      key("s3.endpoint")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The S3 endpoint, for S3-compatible stores such as MinIO (http:// turns TLS off)."
                  + " In config.yaml write it as fs.s3a.endpoint.value when s3.endpoint.region is"
                  + " also set.");

  public static final ConfigOption<Boolean> S3_PATH_STYLE =
      key("s3.path.style.access")
          .booleanType()
          .defaultValue(false)
          .withDescription("Address buckets as endpoint/bucket rather than bucket.endpoint.");

  public static final ConfigOption<String> S3_REGION =
      key("s3.endpoint.region")
          .stringType()
          .noDefaultValue()
          .withDescription("The region of the S3 endpoint.");

  public static final ConfigOption<String> S3_CREDENTIALS_PROVIDER =
      key("s3.aws.credentials.provider")
          .stringType()
          .defaultValue("com.amazonaws.auth.DefaultAWSCredentialsProviderChain")
          .withDescription(
              "Where S3 credentials come from. The default is the AWS SDK's default chain:"
                  + " environment, Java properties, web identity (EKS pod roles), the shared"
                  + " profile, container and instance roles.");
}
