#!/usr/bin/env bash
# Measures record-expired -> delegation-suspended latency. Usage: ./run.sh [events] [rate-per-second] [warm-up]
# Needs the packaged service: ./mvnw -B package -pl responsibility-service -DskipTests (from the repository root).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=../..
. "$ROOT/deploy/local/jdk.sh"  # JDK 25, as the platform runs
"$ROOT/mvnw" -B -q -f pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -cp "target/classes:$(cat target/classpath.txt)" no.torn.bench.SuspensionLatencyBench \
  "${1:-1000}" "${2:-100}" "${3:-200}"
