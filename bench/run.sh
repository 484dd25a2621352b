#!/usr/bin/env bash
# Benchmark harness. Figures are reported in bench/RESULTS.md; targets are never asserted in tests.
#   bench/run.sh startup        per service: launch-to-ready time and RSS after 1,000 requests (JVM mode)
#   bench/run.sh <service>      runs bench/<service>/run.sh (service-specific scenarios)
# Needs the local platform's infrastructure (deploy/local/up.sh: PostgreSQL, Kafka, Keycloak) and built services.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
scenario="${1:-startup}"

token() {
  curl -s -d grant_type=password -d client_id=torn-cli -d username="$1" -d password=torn-demo \
    http://localhost:8180/realms/torn/protocol/openid-connect/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# The JVM options deploy/local/up.sh uses for the services.
JVM_OPTS="${JVM_OPTS:--Xms32m -Xmx160m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m -Xss512k -XX:TieredStopAtLevel=1}"

startup() {
  local tok; tok=$(token vest-admin)
  printf "| service | launch to ready (s) | RSS after 1,000 requests (MB) | request |\n|---|---|---|---|\n"
  for entry in competence-service:18081:/api/v1/competence/personnel-groups \
               task-service:18082:/api/v1/tasks \
               responsibility-service:18083:/api/v1/responsibility/clarifications \
               grants-service:18084:/api/v1/grants/rounds; do
    IFS=: read -r name port path <<< "$entry"
    local jar="$ROOT/$name/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || { echo "| $name | not built | | |"; continue; }
    local start; start=$(date +%s.%N)
    # A second instance beside the running platform: same database and broker, its own HTTP port.
    QUARKUS_HTTP_PORT=$port java $JVM_OPTS -jar "$jar" > "/tmp/bench-$name.log" 2>&1 &
    local pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
      kill -0 $pid 2>/dev/null || { echo "| $name | failed to start (see /tmp/bench-$name.log) | | |"; continue 2; }
      sleep 0.05
    done
    local ready; ready=$(echo "$(date +%s.%N) - $start" | bc)
    local urls=(); for _ in $(seq 1 1000); do urls+=("http://127.0.0.1:$port$path"); done
    curl -s -H "Authorization: Bearer $tok" "${urls[@]}" > /dev/null
    local rss; rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
    kill $pid; wait $pid 2>/dev/null || true
    printf "| %s | %.2f | %s | GET %s |\n" "$name" "$ready" "$rss" "$path"
  done
}

case "$scenario" in
  startup) startup ;;
  *) [ -x "$ROOT/bench/$scenario/run.sh" ] || { echo "no scenario $scenario" >&2; exit 2; }
     exec "$ROOT/bench/$scenario/run.sh" "${@:2}" ;;
esac
