#!/usr/bin/env bash
# Stops what deploy/local/run.sh started (by pid, nothing else; Keycloak keeps no data, its
# realm is imported at every start). Keeps the data unless --wipe:
# then it also drops the four databases and deletes the Kafka data.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUN="$ROOT/deploy/local/run"
PIDS="$RUN/pids"
WIPE=false
[ "${1:-}" = "--wipe" ] && WIPE=true

stop_pid() {
  local name=$1 file="$PIDS/$1.pid"
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    echo "stopping $name (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$file"
}

for service in reporting-service outcomes-service groups-service participants-service; do
  stop_pid "$service"
done
stop_pid kafka
stop_pid keycloak

if $WIPE; then
  echo "wiping data"
  for db in participants groups outcomes reporting; do
    dropdb -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" --if-exists "$db"
  done
  rm -rf "$RUN/kafka"
fi
