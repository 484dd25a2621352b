#!/usr/bin/env bash
# Starts the whole TØRN platform locally: Kafka (9092), Keycloak (8180), the four services (8081-8084) and the
# gateway (8080), against the PostgreSQL server on 127.0.0.1:5432. Idempotent: what already runs is left alone.
#   deploy/local/up.sh           build if needed, start, wait until healthy
#   deploy/local/up.sh --rebuild force a rebuild of the applications
#   deploy/local/up.sh --aot     (re)build the applications with their JDK 25 AOT cache (runs each module's
#                                TrainingWorkloadIT as the training run; takes minutes)
#   deploy/local/up.sh --demo    then load the demo through the public API (deploy/local/demo.sh)
#   deploy/local/up.sh --instances 2   run two instances of each domain service (ports 8081-8084 and 8091-8094),
#                                      balanced by the gateway
#   deploy/local/down.sh         stops exactly what this script started
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
# JDK 25 runs the services (and their AOT caches); jdk.sh picks it when the java on the PATH is older.
. "$ROOT/deploy/local/jdk.sh"
RUN="$ROOT/.run"
LOGS="$RUN/logs"
PIDS="$RUN/pids"
CACHE="$ROOT/.cache"
KAFKA_VERSION=4.1.2
KEYCLOAK_VERSION=26.5.6
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
REBUILD=false
AOT=false
PROFILE=prod
DEMO=false
INSTANCES=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild) REBUILD=true ;;
    --aot) AOT=true ;;
    --demo) DEMO=true ;;
    --instances) shift; INSTANCES="${1:-}"
      [[ "$INSTANCES" =~ ^[1-9]$ ]] || { echo "--instances takes a number from 1 to 9" >&2; exit 2; } ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$LOGS" "$PIDS"
. "$ROOT/deploy/local/jvm-options.sh"
SERVICES=(competence-service:8081 task-service:8082 responsibility-service:8083 grants-service:8084 gateway:8080)

running() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_http() { # name url seconds
  local deadline=$((SECONDS + $3))
  until curl -fsS -o /dev/null "$2" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then echo "  $1 did not become ready; see $LOGS/$1.log" >&2; return 1; fi
    if ! running "$1"; then echo "  $1 exited; see $LOGS/$1.log" >&2; return 1; fi
    sleep 1
  done
}
start_bg() { # name logfile command...
  local name=$1 log=$2; shift 2
  setsid "$@" >"$log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
}

echo "==> Fetching infrastructure (cached in .cache/)"
bash "$ROOT/deploy/local/fetch.sh"

echo "==> PostgreSQL databases"
if ! command -v psql >/dev/null; then echo "psql is required (PostgreSQL client)" >&2; exit 1; fi
for db in torn_competence torn_task torn_responsibility torn_grants; do
  if ! psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "create database $db"
    echo "  created $db"
  fi
done

echo "==> Keycloak on 8180 (realm torn from deploy/keycloak/torn-realm.json)"
if running keycloak; then echo "  already running"; elif port_open 8180; then echo "  port 8180 taken by another process" >&2; exit 1; else
  KC="$CACHE/keycloak-$KEYCLOAK_VERSION"
  mkdir -p "$KC/data/import"
  cp "$ROOT/deploy/keycloak/torn-realm.json" "$KC/data/import/"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms128m -Xmx768m" \
    start_bg keycloak "$LOGS/keycloak.log" "$KC/bin/kc.sh" start-dev --db=dev-mem --http-port=8180 \
    --http-management-port=9000 --health-enabled=true --import-realm --hostname=http://localhost:8180 --cache=local
fi

echo "==> Building the applications"
needs_build=$REBUILD
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*}
  jar="$ROOT/$name/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$name/src" "$ROOT/platform-support/src" -newer "$jar" -type f -print -quit)" ]; then
    needs_build=true
  fi
done
if [ "$AOT" = true ]; then
  # The integration tests drive each packaged application; Quarkus records target/quarkus-app/app.aot meanwhile.
  echo "  with the AOT cache (training runs: TrainingWorkloadIT of each application; log in $LOGS/aot-build.log)"
  (cd "$ROOT" && ./mvnw -B verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=TrainingWorkloadIT -Dfailsafe.failIfNoSpecifiedTests=false \
    -pl platform-testing,platform-support,competence-service,task-service,responsibility-service,grants-service,gateway) \
    > "$LOGS/aot-build.log" 2>&1 || { echo "  the AOT build failed; see $LOGS/aot-build.log" >&2; exit 1; }
elif [ "$needs_build" = true ]; then
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl platform-support,competence-service,task-service,responsibility-service,grants-service,gateway -am)
else
  echo "  up to date"
fi

echo "==> Kafka on 9092 (SASL OAUTHBEARER with Keycloak tokens, ACLs; deploy/kafka/broker.properties)"
REALM_URL="http://localhost:8180/realms/torn"
# Kafka clients call only the token and JWKS URLs listed here (brokers, services and the set-up program alike).
KAFKA_ALLOWED_URLS="-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=$REALM_URL/protocol/openid-connect/token,$REALM_URL/protocol/openid-connect/certs"
KAFKA_CP="$CACHE/kafka-$KAFKA_VERSION/libs/*"
# The broker checks every client's token against the realm, so Keycloak must answer first.
wait_http keycloak "$REALM_URL/.well-known/openid-configuration" 180
if running kafka; then echo "  already running"; elif port_open 9092; then echo "  port 9092 taken by another process" >&2; exit 1; else
  KDIR="$RUN/kafka"
  mkdir -p "$KDIR"
  # The configuration is always rendered from the template; the storage is formatted once.
  sed -e "s|\${NODE_ID}|1|; s|\${VOTERS}|1@127.0.0.1:9093|; s|\${PORT}|9092|g; s|\${CONTROLLER_PORT}|9093|g" \
      -e "s|\${REALM_URL}|$REALM_URL|g; s|\${BROKER_SECRET}|${TORN_KAFKA_BROKER_SECRET:-torn-kafka-broker-secret}|g" \
      -e "s|\${LOG_DIR}|$KDIR/data|; s|\${REPLICATION}|1|g; s|\${MIN_ISR}|1|g" \
      "$ROOT/deploy/kafka/broker.properties" > "$KDIR/server.properties"
  if [ ! -f "$KDIR/data/meta.properties" ]; then
    java -cp "$KAFKA_CP" kafka.tools.StorageTool format \
      -t "$(java -cp "$KAFKA_CP" kafka.tools.StorageTool random-uuid)" \
      -c "$KDIR/server.properties" > "$LOGS/kafka-format.log" 2>&1
  fi
  start_bg kafka "$LOGS/kafka.log" java -Xms128m -Xmx512m $KAFKA_ALLOWED_URLS -cp "$KAFKA_CP" kafka.Kafka "$KDIR/server.properties"
fi
deadline=$((SECONDS + 60)); until port_open 9092; do [ $SECONDS -ge $deadline ] && { echo "Kafka not up; see $LOGS/kafka.log" >&2; exit 1; }; sleep 1; done
echo "==> Event bus topics and ACLs (deploy/kafka/event-bus.conf)"
java $KAFKA_ALLOWED_URLS -cp "$KAFKA_CP" "$ROOT/deploy/kafka/EventBusSetup.java" 127.0.0.1:9092 "$REALM_URL" \
  "$ROOT/deploy/kafka/event-bus.conf" > "$LOGS/event-bus-setup.log" 2>&1 \
  || { echo "Event bus set-up failed; see $LOGS/event-bus-setup.log" >&2; exit 1; }
grep "^event bus:" "$LOGS/event-bus-setup.log" | sed 's/^/  /'

# The health personnel register (HPR) as a local stand-in with demo people: competence-service's torn.hpr.url default.
echo "==> HPR register stub on 8079 (demo people: platform-testing/src/main/resources/hpr-register-stub/)"
if running hpr-register; then echo "  already running"; elif port_open 8079; then echo "  port 8079 taken by another process" >&2; exit 1; else
  if [ ! -f "$ROOT/platform-testing/target/classes/no/torn/platform/testing/HprRegisterStub.class" ]; then
    (cd "$ROOT" && ./mvnw -B -q compile -pl platform-testing)
  fi
  # Jackson comes from the Kafka distribution's libraries.
  start_bg hpr-register "$LOGS/hpr-register-stub.log" java -Xms16m -Xmx64m \
    -cp "$ROOT/platform-testing/target/classes:$KAFKA_CP" no.torn.platform.testing.HprRegisterStub 8079 \
    "$ROOT/platform-testing/src/main/resources/hpr-register-stub/demo-people.json"
fi

echo "==> Starting services ($INSTANCES instance(s) of each domain service)"
# Instance i of a domain service listens on its base port + 10*(i-1); the gateway balances over all of them.
STARTED=()
GATEWAY_ENV=(TORN_GATEWAY_ACCESS_LOG_FILE="$LOGS/gateway-access.log")
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*}; base=${entry##*:}
  count=$INSTANCES; [ "$name" = gateway ] && count=1
  urls=""
  for i in $(seq 1 "$count"); do
    port=$((base + 10 * (i - 1)))
    id=$name; [ "$i" -gt 1 ] && id="$name-$i"
    urls="${urls:+$urls,}http://127.0.0.1:$port"
    STARTED+=("$id:$port")
    if running "$id"; then echo "  $id already running"; continue; fi
    if port_open "$port"; then echo "  port $port taken by another process" >&2; exit 1; fi
    app="$ROOT/$name/target/quarkus-app"
    # The AOT cache only when it was recorded for this very jar (a later package leaves a stale one behind).
    aot=(); [ "$app/app.aot" -nt "$app/quarkus-run.jar" ] && aot=("-XX:AOTCache=$app/app.aot")
    cmd=(java $JVM_OPTS "${aot[@]}" $KAFKA_ALLOWED_URLS -jar "$app/quarkus-run.jar")
    # the gateway's access log (one JSON line per request) goes to a file of its own
    if [ "$name" = gateway ]; then cmd=(env "${GATEWAY_ENV[@]}" "${cmd[@]}"); fi
    QUARKUS_PROFILE=$PROFILE QUARKUS_HTTP_PORT=$port start_bg "$id" "$LOGS/$id.log" "${cmd[@]}"
  done
  if [ "$name" != gateway ]; then
    upper=$(echo "${name%-service}" | tr '[:lower:]' '[:upper:]')
    GATEWAY_ENV+=("TORN_UPSTREAM_${upper}_URL=$urls")
  fi
done
for entry in "${STARTED[@]}"; do
  id=${entry%%:*}; port=${entry##*:}
  wait_http "$id" "http://127.0.0.1:$port/q/health/ready" 120
  echo "  $id ready on $port"
done

cat <<MSG

TØRN platform is up.
  Gateway (the public entry)   http://localhost:8080   API docs: http://localhost:8080/docs
  Keycloak (realm torn)        http://localhost:8180   admin console: admin / admin
  Services (internal)          competence 8081, task 8082, responsibility 8083, grants 8084
  Kafka                        127.0.0.1:9092 (SASL OAUTHBEARER: client credentials of e.g. hr-integration-helse-vest)
  Logs                         $LOGS (gateway access log: gateway-access.log)
Try it:
  TOKEN=\$(curl -s -d grant_type=password -d client_id=torn-cli -d username=vest-hr -d password=torn-demo \\
    http://localhost:8180/realms/torn/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
  curl -H "Authorization: Bearer \$TOKEN" http://localhost:8080/api/v1/competence/personnel-groups
Stop everything with deploy/local/down.sh
MSG

if [ "$DEMO" = true ]; then
  echo
  echo "==> Demo data through the gateway (deploy/local/demo.sh)"
  bash "$ROOT/deploy/local/demo.sh" http://localhost:8080 "$REALM_URL/protocol/openid-connect/token"
fi
