#!/usr/bin/env bash
# Mints a bearer token for LOCAL USE ONLY, signed with the DEV ONLY key in deploy/local/dev-keys.
#   deploy/local/token.sh staff herne     a Jobcenter staff member of Jobcenter "herne"
#   deploy/local/token.sh coordinator     the state coordinator
#   deploy/local/token.sh ops             operations
# Valid for 8 hours. Production tokens come from the identity provider.
set -euo pipefail
KEY="$(cd "$(dirname "$0")" && pwd)/dev-keys/privateKey.pem"
role=${1:-}
case "$role" in
  staff) jc=${2:?"usage: token.sh staff <jobcenter-id>"}; groups='["jobcenter-staff"]'; extra=",\"jobcenter\":\"$jc\""; sub="staff-$jc" ;;
  coordinator) groups='["coordinator"]'; extra=""; sub="state-coordinator" ;;
  ops) groups='["ops"]'; extra=""; sub="operator" ;;
  *) sed -n '2,7p' "$0" >&2; exit 2 ;;
esac
b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header='{"alg":"RS256","typ":"JWT"}'
payload="{\"iss\":\"https://activation.nrw.example/dev\",\"sub\":\"$sub\",\"upn\":\"$sub\",\"groups\":$groups$extra,\"iat\":$now,\"exp\":$((now + 28800)),\"jti\":\"$(cat /proc/sys/kernel/random/uuid)\"}"
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$KEY" -binary | b64url)
printf '%s.%s\n' "$unsigned" "$signature"
