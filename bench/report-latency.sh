#!/usr/bin/env bash
# Benchmark 4: report latency with 1,000,000 participations in the read model (18 Jobcenters).
# Tops the read model up to the target with participation.entered.v1 events (as groups-service publishes them,
# attributes at entry included), waits for the projection, then times GET /api/v1/reports/whereabouts for every
# groupBy dimension, as the coordinator (all Jobcenters, perturbed), for all phases, for Phase I, and for a
# period (from/to) instead of a phase.
#   bench/report-latency.sh [participations=1000000] [repeats=30]
source "$(dirname "$0")/env.sh"
TARGET=${1:-1000000}; REPEATS=${2:-30}
OUT="$BENCH/results/report-latency.txt"
alive reporting-service || start_all
OPS=$(token ops); COORD=$(token coordinator)
BASE="http://127.0.0.1:$(port_of reporting-service)"
STATUS="$BASE/api/v1/projections/status"
applied() { curl -fs -H "Authorization: Bearer $OPS" "$STATUS" | python3 -c 'import json,sys; print(sum(t["eventsApplied"] for t in json.load(sys.stdin)["topics"]))'; }
{
echo "# Benchmark 4: report latency ($(date -u +%FT%TZ))"
machine
GEN=$(curl -fs -H "Authorization: Bearer $OPS" "$STATUS" | python3 -c 'import json,sys; print(json.load(sys.stdin)["activeGeneration"])')
HAVE=$(psql -Atd "$(db_of reporting-service)" -c "SELECT count(*) FROM rm_$GEN.participation")
echo "participations in the read model: $HAVE"
if [ "$HAVE" -lt "$TARGET" ]; then
  BEFORE=$(applied); MISSING=$((TARGET - HAVE))
  tool produce "$BOOTSTRAP" "$MISSING" entries 4711
  tool await-projection "$STATUS" "$OPS" "$((BEFORE + MISSING))" 1800
fi
psql -Atd "$(db_of reporting-service)" -c "SELECT 'participations in the read model: ' || count(*) || ', Jobcenters: ' || count(DISTINCT jobcenter_id) || ', with exit: ' || count(exit_date) FROM rm_$GEN.participation"
echo "load before the queries: $(uptime | sed 's/.*load average/load average/')"
tool reports "$BASE" "$COORD" all "$REPEATS"
tool reports "$BASE" "$COORD" PHASE_1 "$REPEATS"
# with a period (from/to: participations that entered in 2012), as the contract allows: fewer repeats, slower
tool reports "$BASE" "$COORD" "&from=2012-01-01&to=2012-12-31" 10
echo "load after: $(uptime | sed 's/.*load average/load average/')"
} 2>&1 | grep --line-buffered -v SLF4J | tee "$OUT"
