#!/usr/bin/env bash
# Loads the TØRN demo through the gateway's public API, as a client would (deploy/local/Demo.java, data in
# deploy/local/demo/): two RHFs with employees and their competence, the national task catalogue, sharing and
# process mappings, clarifications and delegations, a grant round to published awards and arena reports.
# Idempotent: a second run finds everything in place and changes nothing.
#   deploy/local/demo.sh [gateway-url] [token-url]
#     defaults: http://localhost:8080 and http://localhost:8180/realms/torn/protocol/openid-connect/token
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
GATEWAY="${1:-${TORN_GATEWAY:-http://localhost:8080}}"
TOKEN_URL="${2:-${TORN_TOKEN_URL:-http://localhost:8180/realms/torn/protocol/openid-connect/token}}"
export TORN_DEMO_DATA="${TORN_DEMO_DATA:-$ROOT/deploy/local/demo}"
exec java "$ROOT/deploy/local/Demo.java" "$GATEWAY" "$TOKEN_URL"
