#!/usr/bin/env bash
# Gateway overhead benchmark: the same read endpoint (GET /api/v1/tasks?page=0&size=20, a ~400-byte JSON answer)
#   (1) direct     wrk -> stub service
#   (2) gateway    wrk -> TØRN gateway (token check, per-RHF checks, rate limit, proxy) -> stub service
#   (3) nginx      wrk -> nginx as a plain reverse proxy (keep-alive upstream) -> stub service
# in one run, then prints throughput and p99 for each and the ratios. The stub service is nginx returning a fixed
# body, so the stub costs the same in all three. Everything runs on this machine (loopback only); what this script
# starts it stops again.
#   bench/gateway/run.sh                 defaults: 30 s per target, 2 wrk threads, 64 connections
#   DURATION=60s CONNECTIONS=128 THREADS=2 bench/gateway/run.sh
#   RESULTS=bench/gateway/RESULTS.md bench/gateway/run.sh   also appends the table to that file
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/.run/bench-gateway"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-20s}"
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
GATEWAY_PORT="${GATEWAY_PORT:-$(free_port 19080)}"
KC_PORT="${KC_PORT:-$(free_port 19180)}"
KEYCLOAK_VERSION=26.5.6
GATEWAY_JVM_OPTS="${GATEWAY_JVM_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC}"
PATH_UNDER_TEST="/api/v1/tasks?page=0&size=20"
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
NGINX="$(command -v nginx)"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
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
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx-tmp;
  proxy_temp_path $WORK/nginx-tmp;
  fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp;
  scgi_temp_path $WORK/nginx-tmp;
  upstream stub { server 127.0.0.1:$STUB_PORT; keepalive 128; }
  # (1) the stub service: a fixed page of tasks
  server {
    listen 127.0.0.1:$STUB_PORT;
    location / {
      default_type application/json;
      return 200 '{"items":[{"code":"blodprove","title":"Blodprøvetaking","category":"lab","riskLevel":"LOW","requiresHealthProfessional":true,"status":"ACTIVE","version":3},{"code":"sengeredding","title":"Sengeredding","category":"pleie","riskLevel":"LOW","requiresHealthProfessional":false,"status":"ACTIVE","version":1}],"page":0,"size":20,"total":2}';
    }
  }
  # (3) nginx as a plain reverse proxy in front of the stub
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://stub;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
mkdir -p "$WORK/nginx-tmp"
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
TOKEN=$(curl -fsS -d grant_type=password -d client_id=torn-cli -d username=vest-hr -d password=torn-demo \
  "$REALM/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"

echo "==> gateway on $GATEWAY_PORT"
JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/gateway/src/main" "$ROOT/gateway/pom.xml" -newer "$JAR" -type f -print -quit)" ]; then
  (cd "$ROOT" && flock /tmp/torn-build.lock ./mvnw -B -q package -DskipTests -pl gateway)
fi
QUARKUS_HTTP_PORT=$GATEWAY_PORT \
QUARKUS_OIDC_AUTH_SERVER_URL="$REALM" \
TORN_UPSTREAM_TASK_URL="http://127.0.0.1:$STUB_PORT" \
TORN_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND=1000000 \
TORN_GATEWAY_RATE_LIMIT_BURST=1000000 \
  setsid java $GATEWAY_JVM_OPTS -jar "$JAR" > "$WORK/gateway.log" 2>&1 < /dev/null &
PIDS+=($!)
wait_http "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" 60 "$AUTH"

run_wrk() { # name url duration
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -H "$AUTH" "$2" > "$WORK/wrk-$1.txt"
}
rps() { awk '/^Requests\/sec/ {print $2}' "$WORK/wrk-$1.txt"; }
p99() { awk '$1 == "99%" {print $2}' "$WORK/wrk-$1.txt"; }
errors() { awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0}' "$WORK/wrk-$1.txt"; }

echo "==> warm-up ($WARMUP each, not measured)"
run_wrk warmup-gateway "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" "$WARMUP"
run_wrk warmup-nginx "http://127.0.0.1:$NGINX_PORT$PATH_UNDER_TEST" 5s

echo "==> measuring $DURATION each: direct, gateway, nginx"
run_wrk direct "http://127.0.0.1:$STUB_PORT$PATH_UNDER_TEST" "$DURATION"
run_wrk gateway "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" "$DURATION"
run_wrk nginx "http://127.0.0.1:$NGINX_PORT$PATH_UNDER_TEST" "$DURATION"

D=$(rps direct); G=$(rps gateway); N=$(rps nginx)
TABLE=$(cat <<TXT
| target | requests/s | p99 latency | errors |
|---|---:|---:|---|
| (1) direct to the stub | $D | $(p99 direct) | $(errors direct) |
| (2) through the gateway | $G | $(p99 gateway) | $(errors gateway) |
| (3) through nginx (reverse proxy) | $N | $(p99 nginx) | $(errors nginx) |

gateway / direct = $(awk -v g="$G" -v d="$D" 'BEGIN {printf "%.2f", g / d}'), gateway / nginx = $(awk -v g="$G" -v n="$N" 'BEGIN {printf "%.2f", g / n}')
($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, GET $PATH_UNDER_TEST)
TXT
)
echo
echo "$TABLE"
if [ -n "${RESULTS:-}" ]; then
  printf '\n%s\n' "$TABLE" >> "$RESULTS"
fi
