#!/usr/bin/env bash
# Lints the services' stored OpenAPI documents (written by the Quarkus build to
# <service>/target/openapi/openapi.yaml, quarkus.smallrye-openapi.store-schema-directory) with
# Spectral's spectral:oas rules and the OWASP API Security ruleset (.spectral.yaml); fails on any error.
# Usage: api-lint/lint.sh [service,...]   (default all four; e.g. "groups" or
# "participants,groups,outcomes,reporting"). The Maven module api-lint runs it in verify
# (-Dapi-lint.services=..., -Dapi-lint.skip). Build the services first, e.g.
#   ./mvnw -B -o -q package -DskipTests -pl participants-service,groups-service,outcomes-service -am
set -euo pipefail
cd "$(dirname "$0")"
services="${1:-participants,groups,outcomes,reporting}"
[ -x node_modules/.bin/spectral ] || npm ci --prefer-offline --no-audit --no-fund
status=0
for s in ${services//,/ }; do
  document="../$s-service/target/openapi/openapi.yaml"
  echo "== $s-service"
  if [ ! -f "$document" ]; then
    echo "$document is missing: build $s-service first" >&2
    status=1
    continue
  fi
  node_modules/.bin/spectral lint -r .spectral.yaml --fail-severity error "$document" || status=1
done
exit $status
