#!/usr/bin/env bash
# The benchmark's own instance of the suite, apart from deploy/local/run.sh (which may be running):
# Kafka on 127.0.0.1:19092 (controller 19093), services on 18081-18084, databases bench_*.
#   bench/env.sh snapshot   copy the services' built quarkus-app dirs to bench/run/apps (so builds by
#                           others during a run do not swap jars under a running benchmark)
#   bench/env.sh start      (fresh) broker + topics + four services; waits until ready
#   bench/env.sh stop       stops what this script started (by pid)
#   bench/env.sh wipe       stop, drop the bench_* databases, delete the broker's data
# BENCH_JAVA_OPTS: extra JVM options for the services (e.g. -XX:StartFlightRecording=... for a profile).
# Sourced by the benchmark scripts for the variables and helpers below.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
RUN="${BENCH_RUN:-$BENCH/run}"
LOGS="$RUN/logs"; PIDS="$RUN/pids"; APPS="$RUN/apps"
KAFKA_PORT="${BENCH_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-19093}"
BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
# BENCH_PORT_BASE (default 18080) and BENCH_DB_PREFIX (default bench_) let two benchmark instances share the machine.
PB="${BENCH_PORT_BASE:-18080}"; DBP="${BENCH_DB_PREFIX:-bench_}"
SERVICES=(participants-service:$((PB+1)):${DBP}participants groups-service:$((PB+2)):${DBP}groups
          outcomes-service:$((PB+3)):${DBP}outcomes reporting-service:$((PB+4)):${DBP}reporting)
# the broker (KRaft): one configuration with deploy/local and the tests
source "$ROOT/deploy/local/kafka.sh"
KAFKA_CP="$(kafka_classpath)"
PG_JAR="$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/42.7.*/postgresql-42.7.*.jar | grep -v sources | tail -1)"
TOOL_CP="$KAFKA_CP:$PG_JAR"
mkdir -p "$LOGS" "$PIDS" "$BENCH/results"

say() { printf '==> %s\n' "$*" >&2; }
alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
token() { "$ROOT/deploy/local/token.sh" "$@"; }
port_of() { local e x p d; for e in "${SERVICES[@]}"; do IFS=: read -r x p d <<<"$e"; if [ "$x" = "$1" ]; then echo "$p"; fi; done; }
db_of() { local e x p d; for e in "${SERVICES[@]}"; do IFS=: read -r x p d <<<"$e"; if [ "$x" = "$1" ]; then echo "$d"; fi; done; }
# The benchmark tool (bench/src/BenchTool.java), run from source with the broker's class path
# (kafka-clients, Jackson, HdrHistogram) and the PostgreSQL driver.
tool() { java -Xmx1g -cp "$TOOL_CP" "$BENCH/src/BenchTool.java" "$@"; }
machine() {
  echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/{print $2}') MB RAM, $(java -version 2>&1 | head -1), PostgreSQL $(psql -Atc 'show server_version' postgres)"
  echo "load at $(date -u +%FT%TZ): $(uptime | sed 's/.*load average/load average/')"
}

snapshot() {
  rm -rf "$APPS"; mkdir -p "$APPS"
  for e in "${SERVICES[@]}"; do IFS=: read -r m _ _ <<<"$e"; [ -d "$ROOT/$m/target/quarkus-app" ] && cp -r "$ROOT/$m/target/quarkus-app" "$APPS/$m"; done
  (cd "$ROOT" && git rev-parse --short HEAD) > "$APPS/COMMIT"
  say "snapshot of the built services at commit $(cat "$APPS/COMMIT") in $APPS"
}

start_kafka() {
  alive kafka && return 0
  port_open "$KAFKA_PORT" && { echo "port $KAFKA_PORT taken" >&2; exit 1; }
  rm -rf "$RUN/kafka"
  kafka_start "$RUN/kafka" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$LOGS" "$PIDS/kafka.pid" || exit 1
  kafka_create_topics "$KAFKA_PORT" "$LOGS/kafka-topics.log"
  say "Kafka on $BOOTSTRAP (pid $(cat "$PIDS/kafka.pid"))"
}

fresh_db() { psql -q -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }

# start_service <module> [extra JDBC URL parameters]: starts it (prod profile, as run.sh does), prints nothing
start_service() {
  local m=$1 port db url; port=$(port_of "$m"); db=$(db_of "$m")
  alive "$m" && return 0
  port_open "$port" && { echo "port $port taken" >&2; exit 1; }
  url="jdbc:postgresql://$PGHOST:$PGPORT/$db"
  # keep what the service's own application.properties puts in its URL (reporting: reWriteBatchedInserts)
  if [ "$m" = reporting-service ]; then url="$url?reWriteBatchedInserts=true"; fi
  [ -d "$APPS/$m" ] || snapshot
  QUARKUS_HTTP_PORT="$port" QUARKUS_DATASOURCE_JDBC_URL="$url" QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=60S QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
  KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$ROOT/deploy/local/dev-keys/publicKey.pem" \
  MP_JWT_VERIFY_ISSUER="http://127.0.0.1:8180/realms/activation" MP_JWT_VERIFY_AUDIENCES=activation-suite \
  REPORTING_CONFIDENTIALITY_SECRET="${REPORTING_CONFIDENTIALITY_SECRET:-dev-only-confidentiality-secret-not-for-production}" \
  PARTICIPANTS_URL="http://127.0.0.1:$(port_of participants-service)" \
    nohup java -Xmx256m ${BENCH_JAVA_OPTS:-} -jar "$APPS/$m/quarkus-run.jar" > "$LOGS/$m.log" 2>&1 &
  echo $! > "$PIDS/$m.pid"
}

wait_ready() {
  local m=$1 port; port=$(port_of "$m")
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" > /dev/null && return 0
    alive "$m" || { echo "$m died, see $LOGS/$m.log" >&2; return 1; }
    sleep 0.1
  done
  echo "$m not ready, see $LOGS/$m.log" >&2; return 1
}

stop_one() {
  local f="$PIDS/$1.pid"; [ -f "$f" ] || return 0
  local pid; pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$f"
}
stop_all() { for e in "${SERVICES[@]}"; do IFS=: read -r m _ _ <<<"$e"; stop_one "$m"; done; stop_one kafka; }

start_all() {
  stop_all
  [ -d "$APPS" ] || snapshot
  for e in "${SERVICES[@]}"; do IFS=: read -r _ _ d <<<"$e"; fresh_db "$d"; done
  start_kafka
  for e in "${SERVICES[@]}"; do IFS=: read -r m _ _ <<<"$e"; start_service "$m"; done
  for e in "${SERVICES[@]}"; do IFS=: read -r m _ _ <<<"$e"; wait_ready "$m"; done
  say "suite ready on 18081-18084"
}

# Only the broker and reporting-service (the projection benchmark needs nothing else: BenchTool writes the events).
start_reporting_only() {
  stop_all
  [ -d "$APPS/reporting-service" ] || snapshot
  fresh_db "$(db_of reporting-service)"
  start_kafka
  start_service reporting-service
  wait_ready reporting-service
  say "broker and reporting-service ready"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    snapshot) snapshot ;;
    start) start_all ;;
    stop) stop_all ;;
    wipe) stop_all; for e in "${SERVICES[@]}"; do IFS=: read -r _ _ d <<<"$e"; psql -q -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)"; done; rm -rf "$RUN/kafka" ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
  esac
fi
