#!/usr/bin/env bash
# Benchmark 2: projection throughput. 1,000,000 CloudEvents (the services' format, 18 Jobcenters: groups scheduled,
# participants registered, entered, exited, outcomes, MONTH_6 follow-ups) are written while reporting-service is
# stopped; then a plain KafkaConsumer reads the topics (baseline; plus Kafka's ConsumerPerformance per topic as a
# cross-check), then reporting-service starts (groups- and outcomes-service stopped) and its catch-up is timed through GET /api/v1/projections/status.
#   bench/projection.sh [events=1000000]
source "$(dirname "$0")/env.sh"
COUNT=${1:-1000000}
OUT="$BENCH/results/projection.txt"
# BENCH_REPORTING_ONLY=1: start only the broker and reporting-service (nothing else is needed here).
if ! alive reporting-service; then if [ "${BENCH_REPORTING_ONLY:-}" = 1 ]; then start_reporting_only; else start_all; fi; fi
OPS=$(token ops)
STATUS="http://127.0.0.1:$(port_of reporting-service)/api/v1/projections/status"
{
echo "# Benchmark 2: projection throughput ($(date -u +%FT%TZ))"
machine
BEFORE=$(curl -fs -H "Authorization: Bearer $OPS" "$STATUS" | python3 -c 'import json,sys; print(sum(t["eventsApplied"] for t in json.load(sys.stdin)["topics"]))')
echo "events applied before: $BEFORE (earlier benchmarks' events on the topics)"
# groups-service and outcomes-service consume these topics too; they are stopped so that the baseline and the
# projection get the same machine (they stay stopped: benchmark 4 runs next and needs only reporting-service).
stop_one groups-service; stop_one outcomes-service
stop_one reporting-service
tool produce "$BOOTSTRAP" "$COUNT" mix 42
TOTAL=$((BEFORE + COUNT))
echo "load before the baseline: $(uptime | sed 's/.*load average/load average/')"
tool raw-consume "$BOOTSTRAP" "$TOTAL"
for t in participant-events group-events outcome-events; do
  n=$(java -cp "$KAFKA_CP" org.apache.kafka.tools.GetOffsetShell --bootstrap-server "$BOOTSTRAP" --topic "$t" 2>/dev/null | awk -F: '{s+=$3} END {print s}')
  java -cp "$KAFKA_CP" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "$BOOTSTRAP" --topic "$t" \
    --messages "$n" --timeout 60000 --hide-header 2>/dev/null | tail -1 | awk -v t="$t" -F', ' '{printf "ConsumerPerformance %s: %s records, fetch time %.2f s = %.0f records/s (incl. group join: %.0f records/s)\n", t, $5, $8/1000, $10, $6}'
done
echo "load before the projection: $(uptime | sed 's/.*load average/load average/')"
start_service reporting-service
tool await-projection "$STATUS" "$OPS" "$TOTAL" 1200
curl -fs -H "Authorization: Bearer $OPS" "$STATUS"; echo
echo "load after: $(uptime | sed 's/.*load average/load average/')"
} 2>&1 | grep --line-buffered -v SLF4J | tee "$OUT"
