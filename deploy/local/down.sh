#!/usr/bin/env bash
# Stops exactly the processes deploy/local/up.sh started (their PID files in .run/pids), gateway first.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PIDS="$ROOT/.run/pids"
[ -d "$PIDS" ] || { echo "nothing to stop"; exit 0; }
# The gateway first, then every service instance (competence-service, competence-service-2, ...), then the
# infrastructure.
names=(gateway)
for f in "$PIDS"/*-service*.pid; do [ -f "$f" ] && names+=("$(basename "$f" .pid)"); done
# the stand-in for the health personnel register (HPR), started for the local demo
names+=(hpr-register keycloak kafka)
for name in "${names[@]}"; do
  f="$PIDS/$name.pid"
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    # Each was started in its own session: signal the whole group (kc.sh starts a child JVM).
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null
    echo "stopped $name"
  fi
  rm -f "$f"
done
