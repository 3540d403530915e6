#!/usr/bin/env bash
# Memory over a long single-decision load: starts a node on in-memory H2 (port 18080), drives it with
# wrk for SECONDS (default 300), and samples heap, live data after the last GC and RSS every 15 s.
# Usage: server/perf/soak.sh [seconds]. Build first: mvn -q -DskipTests -pl cli -am package
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-300}"
work="$(mktemp -d)"
export PACTBRIDGE_HOME="$work/home"
java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -jar cli/target/pactbridge.jar serve --port 18080 --db "jdbc:h2:mem:soak;DB_CLOSE_DELAY=-1" > "$work/serve.out" 2> "$work/serve.err" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do grep -q 'pbt_' "$work/serve.out" 2>/dev/null && break; sleep 0.5; done
export PB_TOKEN="$(grep -o 'pbt_[A-Za-z0-9_-]*' "$work/serve.out")"
url=http://127.0.0.1:18080/api/v1/decisions
heap() { curl -s http://127.0.0.1:18080/metrics | awk 'index($0, "jvm_memory_used_bytes{area=\"heap\"") == 1 {sum += $NF} END {printf "%.1f MiB", sum / 1048576}'; }
live() { curl -s http://127.0.0.1:18080/metrics | awk '/^jvm_gc_live_data_size_bytes/ {printf "%.1f MiB", $NF / 1048576}'; }
rss() { awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$pid/status"; }
wrk -t2 -c32 -d10s -s server/perf/decision.lua "$url" > /dev/null
echo "after warm-up: heap $(heap), live after last GC $(live), RSS $(rss)"
wrk -t2 -c32 -d"${seconds}s" --latency -s server/perf/decision.lua "$url" > "$work/wrk.out" &
load=$!
while kill -0 "$load" 2>/dev/null; do echo "  $(date -u +%T) heap $(heap), live after last GC $(live), RSS $(rss)"; sleep 15; done
cat "$work/wrk.out"
echo "after: heap $(heap), live after last GC $(live), RSS $(rss)"
