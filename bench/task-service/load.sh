#!/usr/bin/env bash
# Load driver for task-service's eligible-staff and coverage queries over the bench unit (see README.md).
# Sequential requests with curl; reports p50/p95/p99/max of the server round trip (curl time_total) per query kind.
#
#   BASE=http://localhost:8082 KC=http://localhost:8180 ./load.sh [requests-per-kind]
set -euo pipefail
BASE=${BASE:-http://localhost:8082}
KC=${KC:-http://localhost:8180}
USER_NAME=${USER_NAME:-vest-leader}
N=${1:-300}
WARMUP=${WARMUP:-50}
TASKS=${TASKS:-300}
UNIT="Bench%20unit"

token() {
  curl -sf -d grant_type=password -d client_id=torn-cli -d "username=$USER_NAME" -d password=torn-demo \
    "$KC/realms/torn/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
TOKEN=$(token)

measure() { # kind, url-producing function, count
  local kind=$1 fn=$2 count=$3 out
  out=$(mktemp)
  for ((i = 0; i < count; i++)); do
    url=$($fn "$i")
    code_time=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "$url")
    code=${code_time% *}
    if [[ $code != 200 ]]; then echo "$kind: HTTP $code for $url" >&2; exit 1; fi
    echo "${code_time#* }" >> "$out"
  done
  echo "$out"
}

eligible_url() { printf '%s/api/v1/tasks/BENCH-%04d/eligible-staff?hf=helse-bergen&unit=%s&size=200' \
  "$BASE" $(( ($1 * 7919) % TASKS + 1 )) "$UNIT"; }
coverage_url() { printf '%s/api/v1/coverage?hf=helse-bergen&unit=%s&size=200' "$BASE" "$UNIT"; }

report() { # kind, file
  sort -n "$2" | awk -v kind="$1" '{ v[NR] = $1 * 1000 } END { n = NR;
    printf "%-15s n=%d  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms\n", kind, n,
      v[int(n * 0.50 + 0.5)], v[int(n * 0.95 + 0.5)], v[int(n * 0.99 + 0.5)], v[n] }'
}

echo "warming up ($WARMUP requests per kind)..."
rm -f "$(measure eligible eligible_url "$WARMUP")" "$(measure coverage coverage_url "$WARMUP")"
TOKEN=$(token)
e=$(measure eligible-staff eligible_url "$N")
c=$(measure coverage coverage_url "$N")
report eligible-staff "$e"
report coverage "$c"
rm -f "$e" "$c"
