#!/usr/bin/env bash
# Prints a bearer token for LOCAL USE ONLY, from the local Keycloak (deploy/local/run.sh starts it).
#   deploy/local/token.sh staff herne     Jobcenter staff of "herne" (also: bochum, koeln)
#   deploy/local/token.sh coordinator     the state coordinator
#   deploy/local/token.sh ops             operations
#   deploy/local/token.sh provider        provider staff (a provider working for herne)
#   deploy/local/token.sh data-protection the data-protection officer of herne
#   deploy/local/token.sh client          client credentials of the scripts client (role ops; a token carries one role)
# Users sign in with the password grant on the DEV ONLY client activation-dev-cli (password
# "dev-only-password" for every user, DEV ONLY). Tokens live 15 minutes.
# When Keycloak is not running (the benchmarks and the e2e suite run without it), the token is
# minted offline with the DEV ONLY key that the realm signs with: same issuer, audience and claims
# (valid 1 hour, the longest lifetime the services accept). TOKEN_SOURCE=dev-key forces that.
set -euo pipefail
KEYCLOAK_URL="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
REALM_URL="$KEYCLOAK_URL/realms/activation"
role=${1:-}
case "$role" in
  staff) jc=${2:?"usage: token.sh staff <jobcenter-id>"}; user="staff-$jc"; groups='["jobcenter-staff"]'; extra=",\"jobcenter\":\"$jc\"" ;;
  coordinator) user=state-coordinator; groups='["coordinator"]'; extra="" ;;
  ops) user=operator; groups='["ops"]'; extra="" ;;
  provider) user=provider-herne; groups='["provider-staff"]'; extra=',"jobcenter":"herne","provider":"bildungswerk-ruhr"' ;;
  data-protection) user=data-protection-herne; groups='["data-protection"]'; extra=',"jobcenter":"herne"' ;;
  client) user=service-account-activation-scripts; groups='["ops"]'; extra="" ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
case "${jc:-}" in *[!a-z-]*) echo "not a Jobcenter id: $jc" >&2; exit 2 ;; esac

if [ "${TOKEN_SOURCE:-}" != dev-key ] && curl -fs -o /dev/null --max-time 2 "$REALM_URL/.well-known/openid-configuration"; then
  if [ "$role" = client ]; then
    form=(-d grant_type=client_credentials -d client_id=activation-scripts -d client_secret=dev-only-secret)
  else
    form=(-d grant_type=password -d client_id=activation-dev-cli -d scope=openid -d "username=$user" -d password=dev-only-password)
  fi
  response=$(curl -fsS "$REALM_URL/protocol/openid-connect/token" "${form[@]}") || {
    echo "Keycloak refused the token request for $user (is it a user of deploy/keycloak/activation-realm.json?)" >&2; exit 1; }
  printf '%s' "$response" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
  exit 0
fi

[ "${TOKEN_SOURCE:-}" = dev-key ] || echo "token.sh: Keycloak does not answer at $KEYCLOAK_URL; minting with the DEV ONLY key instead" >&2
KEY="$(cd "$(dirname "$0")" && pwd)/dev-keys/privateKey.pem"
b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
# kid: the id Keycloak gives this key in the realm's JWKS (base64url SHA-256 of the public key)
header='{"alg":"RS256","typ":"JWT","kid":"FF5gUoR1qRcahycRII3JaRRDCMp0g8Ee2_-J_8DRz9A"}'
payload="{\"iss\":\"$REALM_URL\",\"aud\":\"activation-suite\",\"sub\":\"$user\",\"upn\":\"$user\",\"groups\":$groups$extra,\"iat\":$now,\"exp\":$((now + 3600)),\"jti\":\"$(cat /proc/sys/kernel/random/uuid)\"}"
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$KEY" -binary | b64url)
printf '%s.%s\n' "$unsigned" "$signature"
