#!/usr/bin/env bash
# Benchmark 5: start-up time and RSS of each service (JVM mode, java -Xmx256m -jar quarkus-run.jar, prod profile,
# as deploy/local/run.sh starts them). Per service and run: stop it, start it, time until /q/health/ready answers
# 200 (wall clock, includes JVM start, Flyway check, Kafka consumers); Quarkus' own "started in" figure; RSS (VmRSS)
# and the CPU seconds the JVM used until then (less dependent on other load than wall clock); RSS (VmRSS)
# right after ready and after 200 requests of /q/health/ready + a few API reads.
#   bench/startup.sh [runs=3]
source "$(dirname "$0")/env.sh"
RUNS=${1:-3}
OUT="$BENCH/results/startup.txt"
alive participants-service || start_all
{
echo "# Benchmark 5: start-up time and RSS ($(date -u +%FT%TZ))"
machine
for e in "${SERVICES[@]}"; do
  IFS=: read -r m port _ <<<"$e"
  echo "RSS of the running $m before its restart (after the other benchmarks): $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$(cat "$PIDS/$m.pid")/status)"
  for run in $(seq 1 "$RUNS"); do
    stop_one "$m"
    t0=$(date +%s%N)
    start_service "$m"
    wait_ready "$m"
    t1=$(date +%s%N)
    pid=$(cat "$PIDS/$m.pid")
    rss_ready=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
    cpu_ready=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$pid/stat)
    for _ in $(seq 1 200); do curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; done
    curl -fs -o /dev/null "http://127.0.0.1:$port/q/openapi"; curl -fs -o /dev/null "http://127.0.0.1:$port/q/metrics"
    rss_after=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
    started=$(grep -o 'started in [0-9.]*s' "$LOGS/$m.log" | tail -1)
    ms=$(( (t1 - t0) / 1000000 ))
    echo "$m run $run: ready after $ms ms wall clock (Quarkus: $started; $cpu_ready s CPU used until ready), RSS at ready $rss_ready MB, after requests $rss_after MB" \
      "(targets < 3000 ms: $([ $ms -lt 3000 ] && echo MET || echo MISSED); < 300 MB: $([ "$rss_after" -lt 300 ] && echo MET || echo MISSED))"
  done
done
echo "load after: $(uptime | sed 's/.*load average/load average/')"
} 2>&1 | tee "$OUT"
