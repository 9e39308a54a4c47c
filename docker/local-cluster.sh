#!/usr/bin/env bash
# The docker-compose demo without Docker, as processes on this machine: s3proxy standing for MinIO,
# the generator and an uploader, a Flink JobManager (application mode) and TaskManager, and Trino.
# Everything listens on 127.0.0.1 only. Ports, buckets, the demo's S3 login and the job's settings
# come from docker/.env, which docker-compose.yml reads too.
#
#   docker/local-cluster.sh start    build with Maven, start everything, print where to look
#   docker/local-cluster.sh stop     stop every process that start started
#   docker/local-cluster.sh status
#
# Needs a JDK 17 and Maven; Trino needs a Java 22+ (TRINO_JAVA_HOME, else one under /usr/lib/jvm),
# without which it is left out. State and logs: target/local-cluster/ (LOCAL_CLUSTER_DIR).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN=${LOCAL_CLUSTER_DIR:-$ROOT/target/local-cluster}
set -a
# shellcheck source=docker/.env
. "$ROOT/docker/.env"
set +a
FLINK_HOME=$ROOT/flink-dist/target/flink
FLINK_SHARED_CONF=$ROOT/flink-dist/conf
CLUSTER_JAR=$ROOT/cluster/target/cloudtrail-analytics.jar
TRINO=$ROOT/job/target/trino
JOB_JAR=$ROOT/job/target/cloudtrail-analytics.jar
S3=http://$DEMO_BIND:$S3_PORT

started() { [ -f "$RUN/pids/$1" ] && kill -0 "$(cat "$RUN/pids/$1")" 2>/dev/null; }
remember() { echo "$2" > "$RUN/pids/$1"; }

build() {
  echo "Building (Maven): the job, the cluster jar and Flink's lib/, Trino"
  (cd "$ROOT" && mvn -q -B -pl job,flink-dist,cluster -am package -DskipTests -Dspotless.check.skip=true \
    && mvn -q -B -pl job dependency:unpack@unpack-trino dependency:copy@trino-cli)
}

start_s3() {
  mkdir -p "$RUN/s3/$TRAIL_BUCKET" "$RUN/s3/$TABLES_BUCKET"
  cat > "$RUN/s3proxy.properties" <<PROPERTIES
s3proxy.endpoint=$S3
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$DEMO_S3_USER
s3proxy.credential=$DEMO_S3_PASSWORD
s3proxy.ignore-unknown-headers=true
jclouds.provider=filesystem
jclouds.filesystem.basedir=$RUN/s3
PROPERTIES
  java -Xmx256m -jar "$ROOT/flink-dist/target/s3proxy/s3proxy.jar" --properties "$RUN/s3proxy.properties" \
    > "$RUN/logs/s3proxy.log" 2>&1 &
  remember s3proxy $!
  until curl -s -o /dev/null "$S3"; do sleep 0.5; done
}

start_generator() {
  java -cp "$JOB_JAR" com.cloudtrailanalytics.CloudTrailAnalytics generate --output "$RUN/trail" \
    --hours "$HISTORY_HOURS" --events "$HISTORY_EVENTS" --follow --follow-interval "$FOLLOW_INTERVAL" \
    > "$RUN/logs/generator.log" 2>&1 &
  remember generator $!
}

# Mirrors the generator's folder into the trail bucket through the S3 API (SigV4), as mc mirror
# --watch does in docker-compose: every file once, after it has been still for two seconds.
start_uploader() {
  touch "$RUN/uploaded"
  (
    while true; do
      touch "$RUN/upload-mark"
      sleep 2
      [ -d "$RUN/trail" ] || continue
      (cd "$RUN/trail" && find . -type f ! -newer "$RUN/upload-mark" | sed 's|^\./||' | sort) \
        | comm -23 - <(sort "$RUN/uploaded") | while read -r key; do
          curl -sf --aws-sigv4 "aws:amz:$DEMO_REGION:s3" --user "$DEMO_S3_USER:$DEMO_S3_PASSWORD" \
            -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$RUN/trail/$key" "$S3/$TRAIL_BUCKET/$key" \
            && echo "$key" >> "$RUN/uploaded"
        done
    done
  ) > "$RUN/logs/uploader.log" 2>&1 &
  remember uploader $!
}

flink_config() {
  mkdir -p "$RUN/flink-conf"
  cp "$FLINK_SHARED_CONF/log4j.properties" "$RUN/flink-conf/"
  {
    cat "$FLINK_SHARED_CONF/config.yaml"
    cat <<CONFIG

# docker/local-cluster.sh: as docker-compose.yml's FLINK_PROPERTIES, on this machine
jobmanager.rpc.address: 127.0.0.1
rest.port: $FLINK_UI_PORT
taskmanager.numberOfTaskSlots: 2
parallelism.default: 2
s3.endpoint: $S3
execution.checkpointing.dir: s3://$TABLES_BUCKET/_checkpoints
execution.checkpointing.savepoint-dir: s3://$TABLES_BUCKET/_savepoints
CONFIG
  } > "$RUN/flink-conf/config.yaml"
}

# Starts a Flink process as bin/jobmanager.sh and bin/taskmanager.sh do: the memory settings that
# Flink computes from config.yaml (BashJavaUtils), the JVM options of env.java.opts.all and of
# env.java.opts.<name> (name: jobmanager or taskmanager).
flink_process() {
  local name=$1 kind=$2 main=$3
  shift 3
  local params
  params=$(java -cp "$FLINK_HOME/lib/*" org.apache.flink.runtime.util.bash.BashJavaUtils "$kind" \
    --configDir "$RUN/flink-conf" | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p' | tail -2)
  local jvm dynamic options
  jvm=$(echo "$params" | head -1)
  dynamic=$(echo "$params" | tail -1)
  options=$(sed -n -e 's/^env.java.opts.all: //p' -e "s/^env.java.opts.$name: //p" \
    "$RUN/flink-conf/config.yaml")
  # shellcheck disable=SC2086 # word splitting of the flag lists is intended
  FLINK_HOME=$FLINK_HOME FLINK_CONF_DIR=$RUN/flink-conf FLINK_PLUGINS_DIR=$FLINK_HOME/plugins \
    AWS_ACCESS_KEY_ID=$DEMO_S3_USER AWS_SECRET_ACCESS_KEY=$DEMO_S3_PASSWORD AWS_REGION=$DEMO_REGION \
    java $jvm $options -Dlog.file="$RUN/logs/$name.log" \
    -Dlog4j.configurationFile="file:$RUN/flink-conf/log4j.properties" -cp "$FLINK_HOME/lib/*" \
    "$main" --configDir "$RUN/flink-conf" $dynamic "$@" > "$RUN/logs/$name.out" 2>&1 &
  remember "$name" $!
}

start_flink() {
  flink_config
  echo "Waiting for the first files in s3://$TRAIL_BUCKET/"
  until [ -s "$RUN/uploaded" ]; do sleep 1; done
  flink_process taskmanager GET_TM_RESOURCE_PARAMS org.apache.flink.runtime.taskexecutor.TaskManagerRunner
  flink_process jobmanager GET_JM_RESOURCE_PARAMS \
    org.apache.flink.container.entrypoint.StandaloneApplicationClusterEntryPoint \
    --jars "$CLUSTER_JAR" --job-classname com.cloudtrailanalytics.CloudTrailAnalytics \
    --input "s3://$TRAIL_BUCKET/" --output "s3://$TABLES_BUCKET/" --window "$WINDOW" \
    --max-delay "$MAX_DELAY" --monitor-interval "$MONITOR_INTERVAL" \
    --checkpoint-interval "$CHECKPOINT_INTERVAL"
}

trino_java() {
  if [ -n "${TRINO_JAVA_HOME:-}" ]; then echo "$TRINO_JAVA_HOME"; return; fi
  local home version
  for home in /usr/lib/jvm/*; do
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true)
    if [ -n "$version" ] && [ "$version" -ge 22 ] && [ -x "$home/bin/java" ]; then echo "$home"; fi
  done | tail -1
}

start_trino() {
  local java
  java=$(trino_java)
  if [ -z "$java" ]; then
    echo "Trino left out: it needs Java 22 or later (set TRINO_JAVA_HOME)"
    return
  fi
  local home etc=$RUN/trino/etc
  home=$(echo "$TRINO"/trino-server-core-*)
  mkdir -p "$etc/catalog" "$RUN/bin"
  cat > "$etc/config.properties" <<CONFIG
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$TRINO_PORT
discovery.uri=http://127.0.0.1:$TRINO_PORT
node.environment=local
node.id=local-cluster
node.bind-ip=$DEMO_BIND
node.internal-address=$DEMO_BIND
catalog.config-dir=$etc/catalog
plugin.dir=$home/plugin
CONFIG
  # docker/trino/catalog/awsdatacatalog.properties, with this machine's S3 endpoint and login
  sed -e "s|^s3.endpoint=.*|s3.endpoint=$S3|" "$ROOT/docker/trino/catalog/awsdatacatalog.properties" \
    > "$etc/catalog/awsdatacatalog.properties"
  printf 's3.aws-access-key=%s\ns3.aws-secret-key=%s\n' "$DEMO_S3_USER" "$DEMO_S3_PASSWORD" \
    >> "$etc/catalog/awsdatacatalog.properties"
  (cd "$home" && exec env TABLES_BUCKET="$TABLES_BUCKET" AWS_REGION="$DEMO_REGION" "$java/bin/java" \
    -Xmx1G -XX:+UseG1GC -Djdk.attach.allowAttachSelf=true --enable-native-access=ALL-UNNAMED \
    -Duser.timezone=UTC -Dconfig="$etc/config.properties" -Dlog.path="$RUN/logs/trino.log" \
    -cp "$home/lib/*" io.trino.server.TrinoServer) > "$RUN/logs/trino.out" 2>&1 &
  remember trino $!
  printf '#!/bin/sh\nexec java -jar %s "$@"\n' "$TRINO/trino-cli.jar" > "$RUN/bin/trino"
  chmod +x "$RUN/bin/trino"
  PATH=$RUN/bin:$PATH TRINO_SERVER=http://127.0.0.1:$TRINO_PORT TABLES_SQL=$ROOT/docker/trino/tables.sql \
    sh "$ROOT/docker/trino/register-tables.sh" > "$RUN/logs/tables.log" 2>&1 &
  remember tables $!
}

stop() {
  [ -d "$RUN/pids" ] || return 0
  local name
  for name in jobmanager taskmanager tables trino uploader generator s3proxy; do
    if started "$name"; then
      kill "$(cat "$RUN/pids/$name")"
      echo "stopped $name"
    fi
    rm -f "$RUN/pids/$name"
  done
}

status() {
  local name
  for name in s3proxy generator uploader taskmanager jobmanager trino; do
    if started "$name"; then echo "$name: running (pid $(cat "$RUN/pids/$name"))"; else echo "$name: stopped"; fi
  done
}

case "${1:-}" in
  start)
    if started jobmanager; then echo "Already running; docker/local-cluster.sh stop first"; exit 1; fi
    build
    mkdir -p "$RUN/pids" "$RUN/logs"
    start_s3
    start_generator
    start_uploader
    start_flink
    start_trino
    cat <<DONE
Running, on $DEMO_BIND only (logs: $RUN/logs):
  S3 (s3proxy):  $S3  login $DEMO_S3_USER / $DEMO_S3_PASSWORD, buckets $TRAIL_BUCKET, $TABLES_BUCKET
  Flink UI:      http://$DEMO_BIND:$FLINK_UI_PORT
  Trino:         http://$DEMO_BIND:$TRINO_PORT   e.g.
    $RUN/bin/trino --server http://$DEMO_BIND:$TRINO_PORT --catalog awsdatacatalog \\
      --schema cloudtrail_analytics --execute "SELECT * FROM region_activity ORDER BY window_start DESC LIMIT 10"
Stop with: docker/local-cluster.sh stop
DONE
    ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start | stop | status" >&2; exit 2 ;;
esac
