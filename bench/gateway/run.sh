#!/usr/bin/env bash
# Gateway overhead benchmark, in one run, for the same read endpoint (GET /api/v1/tasks?page=0&size=20):
#   (1) direct     wrk -> task-service (the real service: token check, PostgreSQL query, JSON page)
#   (2) gateway    wrk -> TØRN gateway (token check, per-RHF checks, rate limit, proxy) -> task-service
#   (3) nginx      wrk -> nginx as a plain reverse proxy (keep-alive upstream, access log) -> task-service
# then the same three against a stub service (nginx answering a fixed page) that costs next to nothing: the
# proxies' own capacity. Prints throughput, p99 and CPU per request for each and the ratios. Everything runs on
# this machine (loopback only); what this script starts it stops again.
# The service is measured in two layouts of the cores (TOPOLOGY=shared|split|both, default both):
#   shared  every process may run on every core: a proxy's CPU is taken from the service behind it
#   split   the task-service and the database backends serving it on core 0, the proxy under test and wrk on the
#           other cores (as when the gateway runs on machines of its own)
#   bench/gateway/run.sh                 defaults: 5 rounds of 15 s per target, 2 wrk threads, 64 connections
#   ROUNDS=3 DURATION=30s CONNECTIONS=128 THREADS=2 TOPOLOGY=shared bench/gateway/run.sh
#   RESULTS=bench/gateway/RESULTS.md bench/gateway/run.sh   also appends the table to that file
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
. "$ROOT/deploy/local/jdk.sh"  # JDK 25, as the platform runs
WORK="$ROOT/.run/bench-gateway"
DURATION="${DURATION:-15s}"
ROUNDS="${ROUNDS:-5}"
WARMUP="${WARMUP:-20s}"
TASK_WARMUP="${TASK_WARMUP:-60s}"
# the JIT needs minutes of traffic at the service's request rate before the gateway's path is fully compiled
GATEWAY_WARMUP="${GATEWAY_WARMUP:-150s}"
TOPOLOGY="${TOPOLOGY:-both}"
[ "$(nproc)" -lt 2 ] && TOPOLOGY=shared
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # first port from $1 on that nobody listens on
  local p=$1
  while port_open "$p" || port_open $((p + 1)); do p=$((p + 2)); done
  echo "$p"
}
STUB_PORT="${STUB_PORT:-$(free_port 19001)}"
NGINX_PORT="${NGINX_PORT:-$(free_port $((STUB_PORT + 2)))}"
NGINX_TASK_PORT="${NGINX_TASK_PORT:-$(free_port $((NGINX_PORT + 2)))}"
TASK_PORT="${TASK_PORT:-$(free_port 19082)}"
GATEWAY_PORT="${GATEWAY_PORT:-$(free_port 19080)}"
KC_PORT="${KC_PORT:-$(free_port 19180)}"
KEYCLOAK_VERSION=26.5.6
GATEWAY_JVM_OPTS="${GATEWAY_JVM_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC}"
TASK_JVM_OPTS="${TASK_JVM_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC}"
PATH_UNDER_TEST="/api/v1/tasks?page=0&size=20"
# The stub is reached through the gateway's grants route (any path answers the same fixed page)
STUB_PATH="/api/v1/grants/rounds?page=0&size=20"
BENCH_DB=torn_task_bench
LOAD_BEFORE=$(cut -d' ' -f1-3 < /proc/loadavg | tr ' ' '/')
mkdir -p "$WORK"

need() { # command package
  command -v "$1" >/dev/null && return 0
  echo "==> installing $2"
  if [ "$(id -u)" -ne 0 ]; then echo "$1 missing: apt-get install $2 (as root)" >&2; exit 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null || {
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; }
}
need wrk wrk
need nginx nginx
need curl curl
need taskset util-linux
need psql postgresql-client
need jq jq
NGINX="$(command -v nginx)"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  local pidfile
  for pidfile in "$WORK/nginx.pid" "$WORK/stub.pid"; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT

wait_http() { # url seconds [header]
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null ${3:+-H "$3"} "$1" 2>/dev/null; do
    [ $SECONDS -ge $deadline ] && { echo "not ready: $1" >&2; exit 1; }
    sleep 1
  done
}

echo "==> stub service and nginx reverse proxy"
# Two nginx instances: the stub apart from the proxy, so that the proxy's CPU figure counts proxying only.
nginx_conf() { # name servers...: a one-worker nginx with its own pid file, logs and temp folder
  local name=$1; shift
  mkdir -p "$WORK/$name-tmp"
  cat <<CONF
worker_processes 1;
pid $WORK/$name.pid;
error_log $WORK/$name-error.log warn;
events { worker_connections 4096; }
http {
  keepalive_requests 1000000;
  client_body_temp_path $WORK/$name-tmp;
  proxy_temp_path $WORK/$name-tmp;
  fastcgi_temp_path $WORK/$name-tmp;
  uwsgi_temp_path $WORK/$name-tmp;
  scgi_temp_path $WORK/$name-tmp;
$*
}
CONF
}
# the stub service: a fixed page of tasks
nginx_conf stub "$(cat <<SERVERS
  server {
    listen 127.0.0.1:$STUB_PORT;
    access_log off;
    location / {
      default_type application/json;
      return 200 '{"items":[{"code":"blodprove","title":"Blodprøvetaking","category":"lab","riskLevel":"LOW","requiresHealthProfessional":true,"status":"ACTIVE","version":3},{"code":"sengeredding","title":"Sengeredding","category":"pleie","riskLevel":"LOW","requiresHealthProfessional":false,"status":"ACTIVE","version":1}],"page":0,"size":20,"total":2}';
    }
  }
SERVERS
)" > "$WORK/stub.conf"
# (3) nginx as a plain reverse proxy in front of the task-service and of the stub; the gateway writes one
# access-log line per request, so nginx does too (buffered, as nginx would be run)
nginx_conf nginx "$(cat <<SERVERS
  log_format timed '\$remote_addr "\$request" \$status \$body_bytes_sent \$request_time';
  access_log $WORK/nginx-access.log timed buffer=64k flush=1s;
  upstream stub { server 127.0.0.1:$STUB_PORT; keepalive 128; }
  upstream task { server 127.0.0.1:$TASK_PORT; keepalive 128; }
  server {
    listen 127.0.0.1:$NGINX_TASK_PORT;
    location / {
      proxy_pass http://task;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://stub;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
SERVERS
)" > "$WORK/nginx.conf"
"$NGINX" -c "$WORK/stub.conf" -p "$WORK"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
wait_http "http://127.0.0.1:$STUB_PORT$PATH_UNDER_TEST" 10

echo "==> Keycloak (realm torn)"
REALM="http://localhost:$KC_PORT/realms/torn"
if ! curl -fsS -o /dev/null "$REALM/.well-known/openid-configuration" 2>/dev/null; then
  bash "$ROOT/deploy/local/fetch.sh" keycloak
  KC="$ROOT/.cache/keycloak-$KEYCLOAK_VERSION"
  mkdir -p "$KC/data/import"
  cp "$ROOT/deploy/keycloak/torn-realm.json" "$KC/data/import/"
  JAVA_OPTS_KC_HEAP="-Xms128m -Xmx512m" setsid "$KC/bin/kc.sh" start-dev --db=dev-mem --http-port="$KC_PORT" \
    --http-management-port=$((KC_PORT + 1)) --import-realm --hostname="http://localhost:$KC_PORT" --cache=local \
    > "$WORK/keycloak.log" 2>&1 < /dev/null &
  PIDS+=($!)
  wait_http "$REALM/.well-known/openid-configuration" 180
fi
fresh_auth() { # a new token for every wrk run: a run of many rounds outlives one (15 min)
  AUTH="Authorization: Bearer $(curl -fsS -d grant_type=password -d client_id=torn-cli -d username=vest-hr \
    -d password=torn-demo "$REALM/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')"
}
fresh_auth

build_if_stale() { # module
  local jar="$ROOT/$1/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$1/src/main" "$ROOT/$1/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
    (cd "$ROOT" && flock /tmp/torn-build.lock ./mvnw -B -q install -DskipTests -pl "$1" -am)
  fi
}
build_if_stale gateway
build_if_stale task-service

echo "==> task-service on $TASK_PORT (database $BENCH_DB, the demo's national task catalogue)"
PG="psql -h ${PGHOST:-127.0.0.1} -p ${PGPORT:-5432} -U ${PGUSER:-postgres} -v ON_ERROR_STOP=1 -q"
$PG -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB" postgres
# No broker is needed for reads: Kafka points at a closed port and its client logs only errors.
QUARKUS_HTTP_PORT=$TASK_PORT \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$BENCH_DB" \
QUARKUS_OIDC_AUTH_SERVER_URL="$REALM" \
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$(free_port 19400)" \
TORN_KAFKA_TOKEN_URL="$REALM/protocol/openid-connect/token" \
QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL=ERROR \
  setsid java $TASK_JVM_OPTS \
  -Dorg.apache.kafka.sasl.oauthbearer.allowed.urls="$REALM/protocol/openid-connect/token,$REALM/protocol/openid-connect/certs" \
  -jar "$ROOT/task-service/target/quarkus-app/quarkus-run.jar" \
  > "$WORK/task-service.log" 2>&1 < /dev/null &
TASK_PID=$!
PIDS+=($TASK_PID)
wait_http "http://127.0.0.1:$TASK_PORT$PATH_UNDER_TEST" 90 "$AUTH"
# The catalogue goes in as deploy/local/demo.sh puts it, through task-service's API as a national admin. No
# competence-service runs here to announce the competence types the tasks require (R-CAT-01), so they are written
# straight into task-service's read model of the catalogue first.
TASKS="$ROOT/deploy/local/demo/tasks.json"
for code in $(jq -r '.tasks[].requiredCompetences[]?' "$TASKS" | sort -u); do
  $PG -c "insert into competence_type_view (code, status, source_version, updated_at)
          values ('$code', 'ACTIVE', 1, now()) on conflict do nothing" "$BENCH_DB"
done
NATIONAL="Authorization: Bearer $(curl -fsS -d grant_type=password -d client_id=torn-cli -d username=vest-national \
  -d password=torn-demo "$REALM/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')"
jq -c '.tasks[] + {national: true}' "$TASKS" | while read -r task; do
  curl -fsS -o /dev/null -X POST -H "$NATIONAL" -H 'Content-Type: application/json' -d "$task" \
    "http://127.0.0.1:$TASK_PORT/api/v1/tasks"
done
echo "  $(curl -fsS -H "$AUTH" "http://127.0.0.1:$TASK_PORT/api/v1/tasks?size=1" | jq .total) tasks in the catalogue"

echo "==> gateway on $GATEWAY_PORT"
QUARKUS_HTTP_PORT=$GATEWAY_PORT \
QUARKUS_OIDC_AUTH_SERVER_URL="$REALM" \
TORN_UPSTREAM_TASK_URL="http://127.0.0.1:$TASK_PORT" \
TORN_UPSTREAM_GRANTS_URL="http://127.0.0.1:$STUB_PORT" \
TORN_GATEWAY_RATE_LIMIT_ENABLED=false \
TORN_GATEWAY_ACCESS_LOG_FILE="$WORK/gateway-access.log" \
  setsid java $GATEWAY_JVM_OPTS -jar "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" \
  > "$WORK/gateway.log" 2>&1 < /dev/null &
GATEWAY_PID=$!
PIDS+=($GATEWAY_PID)
wait_http "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" 60 "$AUTH"
wait_http "http://127.0.0.1:$GATEWAY_PORT$STUB_PATH" 10 "$AUTH"

cpu_ticks() { # user + system time of processes, in clock ticks
  local t=0 pid
  for pid in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo "$t"
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))
NGINX_PIDS=("$(cat "$WORK/nginx.pid")" $(pgrep -P "$(cat "$WORK/nginx.pid")"))
ALL_CPUS="0-$(($(nproc) - 1))"
WRK_CPUS="$ALL_CPUS"
pin() { # cpus pid... (every thread of each process)
  local cpus=$1 pid; shift
  for pid in "$@"; do taskset -a -p -c "$cpus" "$pid" >/dev/null; done
}
# the PostgreSQL backends serving the task-service's pool (they end with it; the server itself is not touched)
db_backends() { $PG -At -c "select pid from pg_stat_activity where datname = '$BENCH_DB'" postgres; }
layout() { # shared | split
  if [ "$1" = split ]; then
    pin 0 "$TASK_PID" $(db_backends)
    pin "1-$(($(nproc) - 1))" "$GATEWAY_PID" "${NGINX_PIDS[@]}"; WRK_CPUS="1-$(($(nproc) - 1))"
  else
    pin "$ALL_CPUS" "$TASK_PID" $(db_backends) "$GATEWAY_PID" "${NGINX_PIDS[@]}"; WRK_CPUS="$ALL_CPUS"
  fi
}
run_wrk() { # name url duration; also records the CPU the proxies and the task-service spent on the run
  local g0 n0 t0
  fresh_auth
  g0=$(cpu_ticks "$GATEWAY_PID"); n0=$(cpu_ticks "${NGINX_PIDS[@]}"); t0=$(cpu_ticks "$TASK_PID")
  taskset -c "$WRK_CPUS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -H "$AUTH" "$2" > "$WORK/wrk-$1.txt"
  echo "gateway_ticks $(($(cpu_ticks "$GATEWAY_PID") - g0))" >> "$WORK/wrk-$1.txt"
  echo "nginx_ticks $(($(cpu_ticks "${NGINX_PIDS[@]}") - n0))" >> "$WORK/wrk-$1.txt"
  echo "task_ticks $(($(cpu_ticks "$TASK_PID") - t0))" >> "$WORK/wrk-$1.txt"
}
# figures of one target over the rounds: median requests/s, median p99 (in ms), error lines
ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; print v}'; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
rps() { for f in "$WORK"/wrk-"$1"-r*.txt; do awk '/^Requests\/sec/ {print $2}' "$f"; done | median; }
spread() { for f in "$WORK"/wrk-"$1"-r*.txt; do awk '/^Requests\/sec/ {printf "%.0f\n", $2}' "$f"; done | sort -n \
  | awk 'NR == 1 {lo=$1} {hi=$1} END {print lo " – " hi}'; }
p99() { for f in "$WORK"/wrk-"$1"-r*.txt; do awk '$1 == "99%" {print $2}' "$f" | ms; done | median; }
# CPU time per request (µs) of a process (gateway_ticks, nginx_ticks, task_ticks), median over the rounds
cpu_us() { for f in "$WORK"/wrk-"$1"-r*.txt; do
  awk -v k="$2" -v us="$TICK_US" '/^ *[0-9]+ requests in/ {n=$1} $1 == k {t=$2} END {if (n > 0) printf "%.0f\n", t * us / n}' "$f"
done | median; }
errors() { cat "$WORK"/wrk-"$1"-r*.txt | awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

declare -A URL=(
  [direct]="http://127.0.0.1:$TASK_PORT$PATH_UNDER_TEST"
  [gateway]="http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
  [nginx]="http://127.0.0.1:$NGINX_TASK_PORT$PATH_UNDER_TEST"
  [direct-stub]="http://127.0.0.1:$STUB_PORT$STUB_PATH"
  [gateway-stub]="http://127.0.0.1:$GATEWAY_PORT$STUB_PATH"
  [nginx-stub]="http://127.0.0.1:$NGINX_PORT$STUB_PATH"
)
declare -A PROXY_TICKS=([direct]=- [gateway]=gateway_ticks [nginx]=nginx_ticks)

echo "==> warm-up (not measured): task-service $TASK_WARMUP, gateway $GATEWAY_WARMUP, stub $WARMUP"
layout shared
# the task-service's hot path (Hibernate, JSON, token check) needs longer than the proxies to be compiled
run_wrk warmup-task "${URL[direct]}" "$TASK_WARMUP"
run_wrk warmup-gateway "${URL[gateway]}" "$GATEWAY_WARMUP"
run_wrk warmup-gateway-stub "${URL[gateway-stub]}" "$WARMUP"
run_wrk warmup-nginx "${URL[nginx]}" 5s

case "$TOPOLOGY" in both) LAYOUTS="shared split" ;; *) LAYOUTS="$TOPOLOGY" ;; esac
# Rounds with the order rotated, so that drift (JIT, caches, other load) does not favour one target.
rm -f "$WORK"/wrk-*-r*.txt
for round in $(seq 1 "$ROUNDS"); do
  echo "==> round $round of $ROUNDS ($DURATION per target; $LAYOUTS)"
  case $((round % 3)) in
    1) order="direct gateway nginx" ;;
    2) order="gateway nginx direct" ;;
    0) order="nginx direct gateway" ;;
  esac
  for lay in $LAYOUTS; do
    layout "$lay"
    for target in $order; do run_wrk "$lay-$target-r$round" "${URL[$target]}" "$DURATION"; done
  done
  layout shared
  for target in $order; do run_wrk "stub-$target-r$round" "${URL[$target-stub]}" "$DURATION"; done
done
layout shared

row() { # label run-name proxy-ticks-key
  local proxy="–"
  [ "$3" != - ] && proxy=$(cpu_us "$2" "$3")
  local task="–"
  [[ "$2" != stub-* ]] && task=$(cpu_us "$2" task_ticks)
  echo "| $1 | $(rps "$2") | $(spread "$2") | $(p99 "$2") | $proxy | $task | $(errors "$2") |"
}
TABLE="| layout | target | requests/s (median) | per round | p99 latency (ms) | proxy CPU µs/request | task-service CPU µs/request | errors |
|---|---|---:|---:|---:|---:|---:|---|"
SUMMARY=""
for lay in $LAYOUTS stub; do
  for target in direct gateway nginx; do
    TABLE+=$'\n'"$(row "$lay | $target" "$lay-$target" "${PROXY_TICKS[$target]}")"
  done
  D=$(rps "$lay-direct"); G=$(rps "$lay-gateway"); N=$(rps "$lay-nginx")
  SUMMARY+="$lay: gateway / direct = $(ratio "$G" "$D"), gateway / nginx = $(ratio "$G" "$N"), nginx / direct = $(ratio "$N" "$D")"$'\n'
done
TABLE=$(cat <<TXT
$TABLE

$SUMMARY($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before the run $LOAD_BEFORE, medians of $ROUNDS rounds of
wrk -t$THREADS -c$CONNECTIONS -d$DURATION per target, order rotated per round, GET $PATH_UNDER_TEST; stub rows: shared
cores, GET $STUB_PATH)
TXT
)
echo
echo "$TABLE"
if [ -n "${RESULTS:-}" ]; then
  printf '\n%s\n' "$TABLE" >> "$RESULTS"
fi
