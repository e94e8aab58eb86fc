#!/usr/bin/env bash
# Benchmark 1: REST write path. POST /api/v1/participants (autocannon, closed loop, fixed concurrency)
# against a raw single-row INSERT of a similar row into a copy of the participant table (pgbench,
# same concurrency, same PostgreSQL), then a fixed-rate run at 200 req/s for the p99 target.
# Needs bench/env.sh start (or starts it). Writes bench/results/rest-write.txt (+ raw JSON in results/raw).
#   bench/rest-write.sh [concurrency=16] [seconds=20]
source "$(dirname "$0")/env.sh"
C=${1:-16}; SECS=${2:-20}
OUT="$BENCH/results/rest-write.txt"; RAW="$BENCH/results/raw"; mkdir -p "$RAW"
alive participants-service || start_all
AC="$BENCH/node_modules/.bin/autocannon"
[ -x "$AC" ] || (cd "$BENCH" && npm install --no-audit --no-fund autocannon@9.0.0 >/dev/null)
URL="http://127.0.0.1:$(port_of participants-service)/api/v1/participants"
TOKEN=$(token staff herne)
DB=$(db_of participants-service)
# autocannon through its API (src/register-load.js): every request with a customer number of its own
post() { (cd "$BENCH" && node src/register-load.js "$URL" "$TOKEN" "$@"); }

{
echo "# Benchmark 1: REST write path ($(date -u +%FT%TZ))"
machine
echo "snapshot commit: $(cat "$APPS/COMMIT" 2>/dev/null)"

# --- baseline: the same kind of row, one INSERT per transaction, on the same database
psql -q -d "$DB" -c "DROP TABLE IF EXISTS bench_raw_participant" \
  -c "CREATE TABLE bench_raw_participant (LIKE participant INCLUDING ALL)"
cat > "$RUN/raw-insert.sql" <<'SQL'
INSERT INTO bench_raw_participant (id, jobcenter_id, customer_number, first_name, last_name, date_of_birth, gender,
  customer_type, labour_market_distance, vocational_qualification, age_band, registered_at, changed_at, version)
VALUES (gen_random_uuid(), 'herne', 'PG-' || gen_random_uuid(), 'Erika', 'Mustermann', DATE '1980-05-01', 'FEMALE',
  'NEW', 'CLOSE', true, 'AGE_25_TO_49', now(), now(), 0);
SQL
pgbench -n -M prepared -c "$C" -j 2 -T "$SECS" -f "$RUN/raw-insert.sql" -d "$DB" > "$RAW/pgbench.txt" 2>&1 || cat "$RAW/pgbench.txt"
RAW_TPS=$(awk '/^tps/ {print $3; exit}' "$RAW/pgbench.txt")
RAW_LAT=$(awk '/latency average/ {print $4; exit}' "$RAW/pgbench.txt")
echo "baseline pgbench raw INSERT, $C clients, ${SECS}s: $RAW_TPS rows/s, average latency $RAW_LAT ms"
pgbench -n -M prepared -c "$C" -j 2 -T "$SECS" --log --log-prefix="$RUN/pgbench-log" -f "$RUN/raw-insert.sql" -d "$DB" > /dev/null 2>&1 || true
RAW_P=$(cat "$RUN"/pgbench-log* | awk '{print $3/1000}' | sort -n | awk '{a[NR]=$1} END {printf "p50 %.1f ms, p99 %.1f ms (second run, %d rows/s)", a[int(NR*0.5)], a[int(NR*0.99)], NR/'"$SECS"'}')
rm -f "$RUN"/pgbench-log*
echo "baseline latency from the per-transaction log: $RAW_P"

# --- the service: warm-up (JIT, pools), then the measured closed-loop run at the same concurrency
post "$C" 10 > "$RAW/rest-warmup.json"
SVC_PID=$(cat "$PIDS/participants-service.pid")
cpu() { awk '{print $14 + $15}' "/proc/$SVC_PID/stat"; }
CPU0=$(cpu)
post "$C" "$SECS" > "$RAW/rest-closed.json"
CPU1=$(cpu)
OK=$(python3 -c "import json; print(json.load(open('$RAW/rest-closed.json'))['2xx'])")
echo "participants-service CPU during the closed-loop run: $(( (CPU1 - CPU0) * 1000 / $(getconf CLK_TCK) )) ms for $OK registrations = $(python3 -c "print(round(($CPU1-$CPU0)*1000/$(getconf CLK_TCK)/max($OK,1),2))") ms CPU per registration (JVM total, incl. JIT and GC)"
# --- fixed rate: 200 req/s offered over 64 connections (autocannon --overallRate)
post 64 "$SECS" 200 > "$RAW/rest-200rps.json"
python3 - "$RAW" "$RAW_TPS" "$C" "$SECS" <<'PY'
import json, sys
raw, raw_tps, c, secs = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
def show(name):
    r = json.load(open(f"{raw}/{name}.json"))
    ok = r["2xx"]; dur = r["duration"]
    return r, ok / dur
w, wr = show("rest-warmup")
r, rate = show("rest-closed")
f, frate = show("rest-200rps")
print(f"warm-up 10s: {wr:.0f} registrations/s (not counted)")
print(f"REST POST /participants, {c} connections, {secs}s: {rate:.0f} registrations/s (2xx {r['2xx']}, non-2xx {r['non2xx']}, errors {r['errors']}), "
      f"latency p50 {r['latency']['p50']} ms, p99 {r['latency']['p99']} ms, max {r['latency']['max']} ms")
ratio = rate / raw_tps
print(f"ratio REST / raw INSERT: {ratio*100:.1f} %  (target >= 25 %: {'MET' if ratio >= 0.25 else 'MISSED'})")
p99 = f['latency']['p99']
print(f"fixed rate 200 req/s offered, {secs}s: achieved {frate:.0f}/s (2xx {f['2xx']}, non-2xx {f['non2xx']}, errors {f['errors']}), "
      f"latency p50 {f['latency']['p50']} ms, p90 {f['latency']['p90']} ms, p99 {p99} ms, max {f['latency']['max']} ms "
      f"(target p99 < 50 ms: {'MET' if p99 < 50 else 'MISSED'})")
PY
echo "rows in participant: $(psql -Atd "$DB" -c 'select count(*) from participant'), outbox_event left: $(psql -Atd "$DB" -c 'select count(*) from outbox_event')"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
} 2>&1 | tee "$OUT"
