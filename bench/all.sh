#!/usr/bin/env bash
# All five benchmarks in one run on a fresh instance (bench/env.sh start), in an order that keeps the small-data
# benchmarks apart from the 1,000,000-event ones: 1 REST write, 3 end-to-end lag, 5 start-up, 2 projection,
# 4 report latency. Figures in bench/results/*.txt. About 20-30 minutes on the 2-core machine.
set -euo pipefail
cd "$(dirname "$0")"
./env.sh start
./rest-write.sh
./e2e-lag.sh
./startup.sh
./projection.sh
./report-latency.sh
