#!/usr/bin/env bash
# A/B of the write path under the same conditions (issue 16, stop 13): participants-service from two
# snapshots (bench/run/apps-base and bench/run/apps), alternated, each: start, 20 s warm-up at 16
# connections, then 15 s measured: registrations/s and JVM CPU-ms per registration (/proc/<pid>/stat).
#   bench/write-ab.sh [rounds=2]     (needs bench/env.sh start; BENCH_JAVA_OPTS applies to both)
source "$(dirname "$0")/env.sh"
ROUNDS=${1:-2}; m=participants-service; port=$(port_of $m)
URL="http://127.0.0.1:$port/api/v1/participants"; TOKEN=$(token staff herne 2>/dev/null)
DEFAULT_APPS="$APPS"
for r in $(seq 1 "$ROUNDS"); do
  for variant in apps-base apps; do
    stop_one $m; APPS="$RUN/$variant"; start_service $m; wait_ready $m; APPS="$DEFAULT_APPS"
    pid=$(cat "$PIDS/$m.pid")
    (cd "$BENCH" && node src/register-load.js "$URL" "$TOKEN" 16 20 > /dev/null)
    c0=$(awk '{print $14 + $15}' /proc/$pid/stat)
    (cd "$BENCH" && node src/register-load.js "$URL" "$TOKEN" 16 15 > "$RUN/ab.json")
    c1=$(awk '{print $14 + $15}' /proc/$pid/stat)
    python3 - "$RUN/ab.json" "$variant" "$r" "$((c1 - c0))" "$(getconf CLK_TCK)" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, sys
f, variant, r, ticks, hz, load = sys.argv[1:]
j = json.load(open(f)); ok = j["2xx"]
print(f"round {r} {variant:9s}: {ok/j['duration']:6.0f} registrations/s, p50 {j['latency']['p50']} ms, p99 {j['latency']['p99']} ms, "
      f"{int(ticks)*1000/int(hz)/max(ok,1):.2f} ms CPU per registration (non-2xx {j['non2xx']}), load {load}")
PY
  done
done
