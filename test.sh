#!/usr/bin/env bash
# The test command (README "Set-up: the two commands"): gets this machine ready for the tests, then
# runs every test with ./mvnw -B verify (extra arguments go to Maven, e.g. ./test.sh -pl groups-service -am).
# Ready means:
#   - PostgreSQL answers on 127.0.0.1:5432 (started if it is installed but down),
#   - Debian's chromium and chromium-driver are installed (the dashboard's browser test in e2e-tests),
#   - kubectl or kustomize is there (the manifest tests in deploy/k8s render the overlays with it),
#   - node and npm are there (api-lint runs Spectral over the services' OpenAPI documents).
# Needs root (or sudo) only when something must be installed. Works without a terminal (CI).
set -euo pipefail
cd "$(dirname "$0")"
say() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=false
apt_install() {
  if ! $apt_updated; then as_root apt-get update -qq; apt_updated=true; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" > /dev/null
}

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  if ! command -v pg_ctlcluster > /dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    echo "PostgreSQL is not installed; the tests need it on 127.0.0.1:5432 (trust auth, user postgres)" >&2
    exit 1
  fi
  say "Starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL did not start" >&2; exit 1; }
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "Installing Chromium and ChromeDriver (Debian packages) for the dashboard's browser test"
  apt_install chromium chromium-driver
fi

if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  say "Installing Node.js and npm (Debian packages) for the OpenAPI lint (api-lint, Spectral)"
  apt_install nodejs npm
fi

if ! command -v kubectl > /dev/null && ! command -v kustomize > /dev/null && [ -z "${KUSTOMIZE:-}" ]; then
  say "Installing kubectl for the manifest tests"
  apt_install kubectl || { echo "kubectl could not be installed; the manifest tests need kubectl 1.27+ or kustomize v5+ (or KUSTOMIZE=path)" >&2; exit 1; }
fi

say "./mvnw -B verify $*"
exec ./mvnw -B verify "$@"
