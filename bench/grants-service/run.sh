#!/usr/bin/env bash
# grants-service benchmarks (see README.md). Figures go to RESULTS.md; nothing here is asserted by tests.
#   run.sh allocation [hfs] [runs]   AllocationCalculator over 1,000 HFs (plain Java main, needs a built module)
#   run.sh seed [n]                  50,000 published experience reports into the grants database ($PGURL)
#   run.sh search-sql [seconds]      the arena search statement under pgbench against $PGURL
#   run.sh search-http [requests]    GET /api/v1/experience/reports?q=... against a running service ($BASE_URL)
#   run.sh clean                     removes the generated reports again
# Environment: PGURL, BASE_URL, KEYCLOAK_URL (default http://localhost:8180), CLIENTS (search-sql), BENCH_USER.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
. "$ROOT/deploy/local/jdk.sh"  # JDK 25, as the platform runs
PGURL="${PGURL:-postgresql://postgres:postgres@127.0.0.1:5432/torn_grants}"
BASE_URL="${BASE_URL:-http://127.0.0.1:8084}"
TERMS=(portør matverter sykepleier pasienttransport ventetid opplæring ansvar renhold blodprøver legemiddelsamstemming jordmor forsvarlighet)
GROUPS_=(lege lis sykepleier portor matvert renholder)

percentiles() { # reads one latency in ms per line
  sort -n | awk '{a[NR]=$1} END {printf "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms\n",
    NR, a[int(NR*0.50)], a[int(NR*0.95)], a[int(NR*0.99)], a[NR]}'
}

case "${1:-}" in
  allocation)
    [ -d "$ROOT/grants-service/target/classes" ] || { echo "build grants-service first" >&2; exit 2; }
    java -cp "$ROOT/grants-service/target/classes" "$HERE/AllocationBench.java" "${2:-1000}" "${3:-2000}" ;;
  seed)
    psql "$PGURL" -v n="${2:-50000}" -f "$HERE/generate-reports.sql" ;;
  search-sql)
    log_dir=$(mktemp -d)
    (cd "$log_dir" && pgbench "$PGURL" -n -c "${CLIENTS:-2}" -j "${CLIENTS:-2}" -T "${2:-30}" -l \
        -f "$HERE/search.pgbench.sql" | grep -E "processed|failed|tps")
    cat "$log_dir"/pgbench_log.* | awk '{print $3 / 1000}' | percentiles
    rm -rf "$log_dir" ;;
  search-http)
    token=$(curl -s -d grant_type=password -d client_id=torn-cli -d username="${BENCH_USER:-sorost-employee}" \
      -d password=torn-demo "${KEYCLOAK_URL:-http://localhost:8180}/realms/torn/protocol/openid-connect/token" \
      | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
    n="${2:-2000}"
    for _ in $(seq 1 20); do # warm-up
      curl -s -o /dev/null -H "Authorization: Bearer $token" "$BASE_URL/api/v1/experience/reports?q=portør"
    done
    for i in $(seq 1 "$n"); do
      term=${TERMS[$((RANDOM % ${#TERMS[@]}))]}
      filter=""; [ $((i % 3)) -eq 0 ] && filter="&personnelGroup=${GROUPS_[$((RANDOM % ${#GROUPS_[@]}))]}"
      curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" \
        "$BASE_URL/api/v1/experience/reports?q=$(printf %s "$term" | jq -sRr @uri 2>/dev/null || echo "$term")$filter&size=50"
    done | awk '{print $1 * 1000}' | percentiles ;;
  clean)
    psql "$PGURL" -c "delete from experience_report where created_by = 'bench'" ;;
  *) sed -n 2,8p "$0"; exit 2 ;;
esac
