#!/usr/bin/env bash
# Loads the Phase I demo dataset (10 Jobcenters, N = 1608, the seed evaluation's quotas) into the
# running suite, through the public HTTP APIs only. Start the suite first (deploy/local/run.sh), on
# empty databases (deploy/local/stop.sh --wipe). Options are passed on, e.g. --groups http://host:8082
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
if [ ! -f demo-loader/target/runtime.classpath ] || ! ls demo-loader/target/demo-loader-*.jar > /dev/null 2>&1; then
  # -am: the generated clients (module clients) it calls the services with are built from the services' documents
  ./mvnw -B -q -pl demo-loader -am package -DskipTests
fi
CP="$(ls demo-loader/target/demo-loader-*.jar | head -1):$(cat demo-loader/target/runtime.classpath)"
exec java -cp "$CP" de.nrw.activation.demo.DemoLoader --key "$ROOT/deploy/local/dev-keys/privateKey.pem" "$@"
