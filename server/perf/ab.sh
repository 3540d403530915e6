#!/usr/bin/env bash
# Same-run A/B of two builds of the node: single decisions over HTTP, alternating A and B so both see the
# same machine load. Prints throughput, latency and the server's CPU time per request (utime + stime
# from /proc, which the other load on a shared machine disturbs less than throughput).
# Usage: server/perf/ab.sh A.jar B.jar [seconds per run, default 15] [rounds, default 3]
# Each run starts its own node (in-memory H2, port 18391) and stops it by its PID.
set -euo pipefail
cd "$(dirname "$0")/../.."
a="$1" b="$2" seconds="${3:-15}" rounds="${4:-3}"
port=18391
lua=server/perf/decision.lua
run() {
  local name="$1" jar="$2" work pid result before after requests
  work="$(mktemp -d)"
  PACTBRIDGE_HOME="$work/home" java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -jar "$jar" serve --port $port --db "jdbc:h2:mem:perf;DB_CLOSE_DELAY=-1" \
    > "$work/out" 2> "$work/err" &
  pid=$!
  for _ in $(seq 1 60); do grep -q 'pbt_' "$work/out" 2>/dev/null && break; sleep 0.5; done
  export PB_TOKEN="$(grep -o 'pbt_[A-Za-z0-9_-]*' "$work/out")"
  wrk -t2 -c32 -d10s -s "$lua" "http://127.0.0.1:$port/api/v1/decisions" > /dev/null
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  result="$(wrk -t2 -c32 -d"${seconds}s" --latency -s "$lua" "http://127.0.0.1:$port/api/v1/decisions")"
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  requests=$(echo "$result" | awk '/requests in/ {print $1}')
  echo "$name $(date -u +%T) load $(cut -d' ' -f1 /proc/loadavg): $(echo "$result" | awk '/Requests\/sec/ {print $2}') req/s," \
    "p50 $(echo "$result" | awk '/ 50%/ {print $2}'), p99 $(echo "$result" | awk '/ 99%/ {print $2}')," \
    "server CPU $(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}') us/request"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
for _ in $(seq 1 "$rounds"); do
  run A "$a"
  run B "$b"
done
