#!/usr/bin/env bash
# Start-up and memory per JVM option set (issue 16, stop 13): for one service, per option set: start it
# (as env.sh does, plus the options), time to /q/health/ready, CPU seconds until ready, then 10 s of
# registrations (participants-service) or 200 health + API reads (others), RSS after. AppCDS: the option
# set "appcds" first writes a dynamic archive (-XX:ArchiveClassesAtExit, one start + stop), then uses it.
#   bench/jvm-options.sh <module> "<name>=<options>" ...
source "$(dirname "$0")/env.sh"
m=$1; shift
port=$(port_of "$m")
TOKEN=$(token staff herne 2>/dev/null)
alive kafka || start_kafka
for spec in "$@"; do
  name=${spec%%=*}; opts=${spec#*=}
  if [[ "$opts" == *SharedArchiveFile=* ]]; then
    jsa=${opts##*SharedArchiveFile=}; jsa=${jsa%% *}
    if [ ! -f "$jsa" ]; then
      stop_one "$m"; BENCH_JAVA_OPTS="-XX:ArchiveClassesAtExit=$jsa" start_service "$m"; wait_ready "$m"
      for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; done
      stop_one "$m"; say "archive $jsa: $(du -m "$jsa" | cut -f1) MB"
    fi
  fi
  stop_one "$m"
  t0=$(date +%s%N); BENCH_JAVA_OPTS="$opts" start_service "$m"; wait_ready "$m"; t1=$(date +%s%N)
  pid=$(cat "$PIDS/$m.pid")
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$pid/stat)
  rss0=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
  started=$(grep -o 'started in [0-9.]*s' "$LOGS/$m.log" | tail -1)
  if [ "$m" = participants-service ]; then
    (cd "$BENCH" && node src/register-load.js "http://127.0.0.1:$port/api/v1/participants" "$TOKEN" 16 10 > /dev/null)
  else
    for _ in $(seq 1 200); do curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; done
    curl -fs -o /dev/null "http://127.0.0.1:$port/q/openapi"; curl -fs -o /dev/null "http://127.0.0.1:$port/q/metrics"
  fi
  rss1=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
  echo "$m [$name] ($opts): ready after $(( (t1 - t0) / 1000000 )) ms (Quarkus: $started), $cpu s CPU until ready, RSS at ready $rss0 MB, after load $rss1 MB; load $(cut -d' ' -f1 /proc/loadavg)"
done
