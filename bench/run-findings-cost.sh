#!/bin/sh
# Builds the job jar and the benchmarks, then times the activity tables with and without findings, e.g.
#   bench/run-findings-cost.sh                       # 2 million events, 5 runs, 1 GB job heap
#   bench/run-findings-cost.sh --events 1000000 --runs 1
set -e
cd "$(dirname "$0")/.."
mvn -B -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  com.cloudtrailanalytics.bench.FindingsCostBenchmark "$@"
