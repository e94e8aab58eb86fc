#!/usr/bin/env bash
# Runs the whole suite on this machine: PostgreSQL databases, a Kafka broker (KRaft, from the
# Maven artifacts) with the topics, Keycloak (the identity provider, realm "activation" from
# deploy/keycloak, on 127.0.0.1:8180) and the four services as separate processes on 8081-8084.
#   deploy/local/run.sh            build what is missing, start everything, wait until ready
#   deploy/local/run.sh --demo     ... and load the Phase I demo dataset afterwards
#   deploy/local/run.sh --rebuild  rebuild the services even if they were built before
# Stop with deploy/local/stop.sh (keeps the data; --wipe removes it). Logs: deploy/local/run/logs/.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUN="$ROOT/deploy/local/run"
LOGS="$RUN/logs"
PIDS="$RUN/pids"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
# fixed: the realm's issuer (http://127.0.0.1:8180/realms/activation) is part of every token
KEYCLOAK_PORT=8180
REALM_URL="http://127.0.0.1:$KEYCLOAK_PORT/realms/activation"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
SERVICES=(participants-service:8081:participants groups-service:8082:groups outcomes-service:8083:outcomes reporting-service:8084:reporting)

DEMO=false
REBUILD=false
for arg in "$@"; do
  case "$arg" in
    --demo) DEMO=true ;;
    --rebuild) REBUILD=true ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

mkdir -p "$LOGS" "$PIDS"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- available services (a module that is not in this checkout yet is skipped)
AVAILABLE=()
for entry in "${SERVICES[@]}"; do
  IFS=: read -r module _ _ <<<"$entry"
  [ -f "$ROOT/$module/pom.xml" ] && AVAILABLE+=("$entry")
done

# --- build what is missing
need_build=$REBUILD
[ -f "$ROOT/kafka-broker/target/classes/kafka-broker.classpath" ] || need_build=true
[ -f "$ROOT/demo-loader/target/runtime.classpath" ] || need_build=true
ls -d "$ROOT"/keycloak-dist/target/keycloak-*/bin/kc.sh > /dev/null 2>&1 || need_build=true
for entry in "${AVAILABLE[@]}"; do
  IFS=: read -r module _ _ <<<"$entry"
  [ -f "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ] || need_build=true
done
if $need_build; then
  say "Building the suite (./mvnw -B -q package -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi

# --- PostgreSQL (part of this kind of machine; start it if it is down)
if ! pg_isready -q; then
  say "Starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
fi
for entry in "${AVAILABLE[@]}"; do
  IFS=: read -r _ _ db <<<"$entry"
  if [ -z "$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    say "Creating database $db"
    createdb "$db"
  fi
done

# --- Kafka broker (KRaft, one node; configuration and start in deploy/local/kafka.sh)
source "$ROOT/deploy/local/kafka.sh"
if alive kafka; then
  say "Kafka already running (pid $(cat "$PIDS/kafka.pid"))"
else
  if port_open "$KAFKA_PORT"; then
    echo "Port $KAFKA_PORT is taken by another process; set KAFKA_PORT" >&2; exit 1
  fi
  say "Starting Kafka on 127.0.0.1:$KAFKA_PORT"
  kafka_start "$RUN/kafka" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$LOGS" "$PIDS/kafka.pid"
fi
kafka_create_topics "$KAFKA_PORT" "$LOGS/kafka-topics.log"

# --- Keycloak (dev mode, in-memory database: the DEV ONLY realm is imported at every start)
KEYCLOAK_HOME="$(ls -d "$ROOT"/keycloak-dist/target/keycloak-* | head -1)"
if alive keycloak; then
  say "Keycloak already running (pid $(cat "$PIDS/keycloak.pid"))"
else
  if port_open "$KEYCLOAK_PORT"; then
    echo "Port $KEYCLOAK_PORT is taken by another process (the realm's issuer needs it)" >&2; exit 1
  fi
  mkdir -p "$KEYCLOAK_HOME/data/import"
  cp "$ROOT/deploy/keycloak/activation-realm.json" "$KEYCLOAK_HOME/data/import/activation-realm.json"
  say "Starting Keycloak on 127.0.0.1:$KEYCLOAK_PORT (admin console: admin / admin, DEV ONLY)"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms128m -Xmx512m" \
    nohup "$KEYCLOAK_HOME/bin/kc.sh" start-dev --db=dev-mem --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
      --hostname="http://127.0.0.1:$KEYCLOAK_PORT" --import-realm > "$LOGS/keycloak.log" 2>&1 &
  echo $! > "$PIDS/keycloak.pid"
fi
# the services fetch the realm's keys (JWKS) on the first request; waited for below, in parallel

# --- the services (prod profile: JSON logs; tokens verified against the realm's JWKS)
for entry in "${AVAILABLE[@]}"; do
  IFS=: read -r module port db <<<"$entry"
  if alive "$module"; then
    say "$module already running (pid $(cat "$PIDS/$module.pid"))"
    continue
  fi
  if port_open "$port"; then
    echo "Port $port is taken by another process" >&2; exit 1
  fi
  say "Starting $module on :$port"
  QUARKUS_HTTP_PORT="$port" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
  QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$REALM_URL/protocol/openid-connect/certs" \
  MP_JWT_VERIFY_ISSUER="$REALM_URL" \
  MP_JWT_VERIFY_AUDIENCES=activation-suite \
  REPORTING_CONFIDENTIALITY_SECRET="${REPORTING_CONFIDENTIALITY_SECRET:-dev-only-confidentiality-secret-not-for-production}" \
  PARTICIPANTS_URL="${PARTICIPANTS_URL:-http://127.0.0.1:8081}" \
    nohup java -Xmx256m -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" > "$LOGS/$module.log" 2>&1 &
  echo $! > "$PIDS/$module.pid"
done

say "Waiting until every service is ready"
for entry in "${AVAILABLE[@]}"; do
  IFS=: read -r module port _ <<<"$entry"
  ok=false
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/q/health/ready" > /dev/null; then ok=true; break; fi
    alive "$module" || break
    sleep 1
  done
  $ok || { echo "$module did not become ready; see $LOGS/$module.log" >&2; exit 1; }
  echo "   $module ready: http://127.0.0.1:$port/q/swagger-ui"
done

ok=false
for _ in $(seq 1 240); do
  if curl -fs "$REALM_URL/.well-known/openid-configuration" > /dev/null; then ok=true; break; fi
  alive keycloak || break
  sleep 1
done
$ok || { echo "Keycloak did not become ready; see $LOGS/keycloak.log" >&2; exit 1; }
echo "   keycloak ready: $REALM_URL (users: deploy/keycloak/README.md)"

if $DEMO; then
  say "Loading the Phase I demo dataset"
  "$ROOT/deploy/local/demo.sh"
fi

cat <<INFO

The suite is running. Logs: $LOGS
  participants  http://127.0.0.1:8081/q/swagger-ui
  groups        http://127.0.0.1:8082/q/swagger-ui
  outcomes      http://127.0.0.1:8083/q/swagger-ui
  reporting     http://127.0.0.1:8084/q/swagger-ui
  dashboard     http://127.0.0.1:8084/dashboard/  (sign in e.g. as state-coordinator / dev-only-password, DEV ONLY)
  keycloak      http://127.0.0.1:8180/admin/  (admin / admin, DEV ONLY)
A token from Keycloak for scripts:
  TOKEN=\$(deploy/local/token.sh staff herne)      # or: coordinator | ops | client
Stop: deploy/local/stop.sh   (add --wipe to delete the data too)
INFO
