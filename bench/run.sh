#!/usr/bin/env bash
# Benchmark harness. Figures are reported in bench/RESULTS.md; targets are never asserted in tests.
#   bench/run.sh startup        per application (four services, gateway): launch-to-ready time and RSS after 1,000
#                               requests, the default build against the AOT-cache build, lazy and eager ($VARIANTS),
#                               $LAUNCHES (5) launches each
#   bench/run.sh <service>      runs bench/<service>/run.sh (service-specific scenarios)
# Needs the local platform running (deploy/local/up.sh: PostgreSQL, Kafka, Keycloak, the services behind the gateway)
# and, for the AOT variant, the applications built with deploy/local/up.sh --aot.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
. "$ROOT/deploy/local/jdk.sh"
scenario="${1:-startup}"

token() {
  curl -s -d grant_type=password -d client_id=torn-cli -d username="$1" -d password=torn-demo \
    http://localhost:8180/realms/torn/protocol/openid-connect/token | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# The JVM options deploy/local/up.sh runs the applications with.
. "$ROOT/deploy/local/jvm-options.sh"
LAUNCHES="${LAUNCHES:-5}"
APPS=(competence-service:18081:/api/v1/competence/personnel-groups
      task-service:18082:/api/v1/tasks
      responsibility-service:18083:/api/v1/responsibility/clarifications
      grants-service:18084:/api/v1/grants/rounds
      gateway:18080:/api/v1/competence/personnel-groups)

# The default build (fast-jar, no AOT cache) beside the AOT build: target/bench-default (quarkus-run.jar, lib/, ...).
build_default() {
  local missing=()
  for entry in "${APPS[@]}"; do
    local name=${entry%%:*}
    [ -f "$ROOT/$name/target/bench-default/quarkus-run.jar" ] || missing+=("$name")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "building the default variant of ${missing[*]} into target/bench-default" >&2
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl "platform-support,$(IFS=,; echo "${missing[*]}")" \
    -Dquarkus.package.output-directory=bench-default -Dquarkus.package.jar.type=fast-jar \
    -Dquarkus.package.jar.aot.enabled=false) >&2
}

# One launch: prints "<seconds to ready> <RSS MB after 1,000 requests> <threads then>", or "failed" (not ready, or
# an answer that is not a 200).
launch() { # name port path app-dir token [jvm options...]
  local name=$1 port=$2 path=$3 app=$4 tok=$5; shift 5
  local log="/tmp/bench-$name.log" env=()
  # The gateway routes to the running platform's services; its per-caller rate limit would turn most of the
  # 1,000 requests into 429s.
  [ "$name" = gateway ] && env=(TORN_GATEWAY_ACCESS_LOG_FILE=/dev/null TORN_GATEWAY_RATE_LIMIT_ENABLED=false)
  local start; start=$(date +%s.%N)
  env "${env[@]}" QUARKUS_HTTP_PORT="$port" java $JVM_OPTS "$@" $KAFKA_ALLOWED_URLS -jar "$app/quarkus-run.jar" \
    > "$log" 2>&1 &
  local pid=$! deadline=$((SECONDS + 180))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo failed; return; }
    [ $SECONDS -lt $deadline ] || { kill $pid; wait $pid 2>/dev/null; echo failed; return; }
    sleep 0.02
  done
  local ready; ready=$(echo "$(date +%s.%N) - $start" | bc)
  local urls=(); for _ in $(seq 1 1000); do urls+=(-o /dev/null "http://127.0.0.1:$port$path"); done
  # Every answer must be a 200: a figure measured on refusals would say nothing.
  local refused
  refused=$(curl -s -w "%{http_code}\n" -H "Authorization: Bearer $tok" "${urls[@]}" | grep -vc '^200$' || true)
  local rss threads
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  threads=$(awk '/^Threads/ {print $2}' "/proc/$pid/status")
  kill $pid; wait $pid 2>/dev/null || true
  if [ "$refused" -gt 0 ]; then echo "failed ($refused of 1,000 answers not 200)" >&2; echo failed; return; fi
  printf "%.2f %s %s\n" "$ready" "$rss" "$threads"
}

# min / median / max of numbers on stdin
stats() { sort -n | awk '{v[NR]=$1} END {if (NR == 0) {print "–"; exit}
  m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s / %s / %s", v[1], m, v[NR]}'; }

# The variants compared: the default build; the AOT build with its cache; the same with the eager start the
# applications had before (OIDC discovery and signing keys fetched, every Kafka client connected and in readiness
# before the application is ready), to show what starting lazily saves; and, on request, the cache mapped at the
# address it was written for (aot-unrelocated: no relocation, so its pages stay shared with the file instead of
# becoming private copies).
VARIANTS="${VARIANTS:-default aot aot-eager}"
variant_options() { # variant aot-app-dir application
  case "$1" in
    aot) echo "-XX:AOTCache=$2/app.aot" ;;
    aot-eager) echo "-XX:AOTCache=$2/app.aot $(eager_options "$3")" ;;
    aot-unrelocated) echo "-XX:AOTCache=$2/app.aot -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0" ;;
  esac
}
eager_options() { # application
  local oidc="-Dquarkus.oidc.discovery-enabled=true -Dquarkus.oidc.jwks.resolve-early=true" channels=()
  case "$1" in
    gateway) echo "$oidc"; return ;;
    task-service) channels=(incoming.competence-events) ;;
    responsibility-service) channels=(incoming.competence-events incoming.task-events) ;;
  esac
  local options="$oidc"
  for channel in outgoing.torn-outbox "${channels[@]}"; do
    options+=" -Dmp.messaging.$channel.lazy-client=false -Dmp.messaging.$channel.health-readiness-enabled=true"
  done
  echo "$options"
}

startup() {
  REALM_URL="http://localhost:8180/realms/torn"
  KAFKA_ALLOWED_URLS="-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=$REALM_URL/protocol/openid-connect/token,$REALM_URL/protocol/openid-connect/certs"
  build_default
  local results; results=$(mktemp -d)
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -n 1), $LAUNCHES launches per variant"
  printf "| application | build | launch to ready (s) min / median / max | RSS after 1,000 requests (MB) min / median / max | threads | request |\n|---|---|---|---|---|---|\n"
  for entry in "${APPS[@]}"; do
    IFS=: read -r name port path <<< "$entry"
    local aot_app="$ROOT/$name/target/quarkus-app" default_app="$ROOT/$name/target/bench-default"
    for _ in $(seq 1 "$LAUNCHES"); do
      # Round-robin over the variants, so all see the same load on a shared machine; a fresh token each launch, as a
      # run outlives one.
      for variant in $VARIANTS; do
        if [ "$variant" = default ]; then
          launch "$name" "$port" "$path" "$default_app" "$(token vest-admin)" >> "$results/$name-$variant"
        elif [ "$aot_app/app.aot" -nt "$aot_app/quarkus-run.jar" ]; then
          # shellcheck disable=SC2046
          launch "$name" "$port" "$path" "$aot_app" "$(token vest-admin)" $(variant_options "$variant" "$aot_app" "$name") \
            >> "$results/$name-$variant"
        fi
      done
    done
    for variant in $VARIANTS; do
      local file="$results/$name-$variant"
      if [ ! -s "$file" ]; then
        printf "| %s | %s | no AOT cache (deploy/local/up.sh --aot) | | | GET %s |\n" "$name" "$variant" "$path"
        continue
      fi
      local failed; failed=$(grep -c failed "$file" || true)
      printf "| %s | %s | %s | %s | %s | GET %s%s |\n" "$name" "$variant" \
        "$(awk '$1 != "failed" {print $1}' "$file" | stats)" "$(awk '$1 != "failed" {print $2}' "$file" | stats)" \
        "$(awk '$1 != "failed" {print $3}' "$file" | sort -n | sed -n '1p;$p' | paste -sd-)" \
        "$path" "$([ "$failed" -gt 0 ] && echo " ($failed launches failed, see /tmp/bench-$name.log)")"
    done
  done
  rm -rf "$results"
}

case "$scenario" in
  startup) startup ;;
  *) [ -x "$ROOT/bench/$scenario/run.sh" ] || { echo "no scenario $scenario" >&2; exit 2; }
     exec "$ROOT/bench/$scenario/run.sh" "${@:2}" ;;
esac
