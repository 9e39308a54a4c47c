#!/bin/sh
# Builds the job and the benchmarks, then runs JMH with the given arguments, e.g.
#   bench/run.sh GeoLookup            # one benchmark class
#   bench/run.sh -l                   # list them
set -e
cd "$(dirname "$0")/.."
mvn -B -q -pl bench -am package -DskipTests -Dspotless.check.skip=true
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "$@"
