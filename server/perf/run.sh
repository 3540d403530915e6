#!/usr/bin/env bash
# Load test of the node on loopback with wrk (Debian package wrk). wrk and the server share the cores.
# Usage: server/perf/run.sh [seconds per run, default 30] [batch size, default 1000]
# Builds nothing: run `mvn -q -DskipTests -pl cli -am package` first. Starts its own node on an
# in-memory H2 database at port 18080, and stops it (by its PID) at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
size="${2:-1000}"
work="$(mktemp -d)"
export PACTBRIDGE_HOME="$work/home"  # the store's key files go here, not into the user's data folder
python3 server/perf/batch.py "$size" > "$work/batch.json"
java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -jar cli/target/pactbridge.jar serve --port 18080 --db "jdbc:h2:mem:perf;DB_CLOSE_DELAY=-1" > "$work/serve.out" 2> "$work/serve.err" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do grep -q 'pbt_' "$work/serve.out" 2>/dev/null && break; sleep 0.5; done
export PB_TOKEN="$(grep -o 'pbt_[A-Za-z0-9_-]*' "$work/serve.out")"
export PB_BATCH_FILE="$work/batch.json" PB_BATCH_SIZE="$size"
url=http://127.0.0.1:18080/api/v1/decisions
heap() { curl -s http://127.0.0.1:18080/metrics | awk 'index($0, "jvm_memory_used_bytes{area=\"heap\"") == 1 {sum += $NF} END {printf "%.1f MiB", sum / 1048576}'; }
live() { curl -s http://127.0.0.1:18080/metrics | awk '/^jvm_gc_live_data_size_bytes/ {printf "%.1f MiB", $NF / 1048576}'; }
rss() { awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$pid/status"; }

echo "== warm-up (10 s)"
wrk -t2 -c32 -d10s -s server/perf/decision.lua "$url" > /dev/null
wrk -t2 -c8 -d5s -s server/perf/batch.lua "$url" > /dev/null
echo "heap after warm-up: $(heap), RSS $(rss)"

echo "== single decisions: wrk -t2 -c32 -d${seconds}s --latency"
wrk -t2 -c32 -d"${seconds}s" --latency -s server/perf/decision.lua "$url"
echo "heap: $(heap), RSS $(rss)"

echo "== batch of $size: wrk -t2 -c8 -d${seconds}s --latency"
wrk -t2 -c8 -d"${seconds}s" --latency -s server/perf/batch.lua "$url"
echo "heap: $(heap), RSS $(rss)"

echo "== memory over a ${seconds}s single-decision run, sampled every 5 s"
wrk -t2 -c32 -d"${seconds}s" -s server/perf/decision.lua "$url" > /dev/null &
load=$!
while kill -0 "$load" 2>/dev/null; do echo "  $(date -u +%T) heap $(heap), live after last GC $(live), RSS $(rss)"; sleep 5; done
echo "after: heap $(heap), live after last GC $(live), RSS $(rss)"
