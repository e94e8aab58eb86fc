#!/usr/bin/env bash
# Benchmark 3: end-to-end lag. Participations entered through groups-service (POST /groups/{id}/participations)
# at a fixed rate (open loop, default 200/s for 20 s); a poller reads GET /api/v1/reports/whereabouts back to back;
# the k-th committed write (201 received) counts as visible at the first report answer whose N includes k writes.
#   bench/e2e-lag.sh [rate=200] [seconds=20]
source "$(dirname "$0")/env.sh"
RATE=${1:-200}; SECS=${2:-20}
OUT="$BENCH/results/e2e-lag.txt"
alive groups-service || start_all
{
echo "# Benchmark 3: end-to-end lag ($(date -u +%FT%TZ))"
machine
TOKEN_SCRIPT="$ROOT/deploy/local/token.sh" tool lag "http://127.0.0.1:$(port_of participants-service)" \
  "http://127.0.0.1:$(port_of groups-service)" "http://127.0.0.1:$(port_of reporting-service)" \
  "jdbc:postgresql://$PGHOST:$PGPORT/$(db_of groups-service)" "$RATE" "$SECS"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
} 2>&1 | grep --line-buffered -v SLF4J | tee "$OUT"
