#!/usr/bin/env bash
# Runs the whole benchmark in a few minutes and writes docs/benchmarks.md:
#   1. builds the shaded benchmark jar (tests skipped: the default build runs them);
#   2. the differential gate: every peer must give Pactbridge's verdict on a stratified sample of
#      10,000 requests covering every reason code, or the run stops here and prints the request;
#   3. JMH: Pactbridge on the reference and generated worlds, the peers on the generated world, and
#      any other benchmark of org.pactbridge.bench (the labels' filtering benchmarks when present);
#   4. the report.
# A peer that disagrees with Pactbridge in a benchmark's set-up also stops the run (-foe true).
# Usage: bench/run.sh            (BENCH_INCLUDE=<JMH regexp> to run fewer benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/bench/target/run"
mkdir -p "$out" "$root/docs"
include="${BENCH_INCLUDE:-org\.pactbridge\.bench\..*Benchmark}"
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null | sed 's/ /, /g' || echo unknown; }
load_before=$(load)

echo "== build"
mvn -q -o package -pl bench -am -DskipTests 2>/dev/null || mvn -q package -pl bench -am -DskipTests
jar="$root/bench/target/benchmarks.jar"

echo "== differential gate (10,000 requests)"
java -Xmx6g -cp "$jar" org.pactbridge.bench.Gate --sample 10000 2>&1 | grep -v '^SLF4J' | tee "$out/gate.txt"
test "${PIPESTATUS[0]}" -eq 0

echo "== JMH ($include)"
# JMH refuses to start while another JMH holds /tmp/jmh.lock (the machine is shared): wait for it a while
for attempt in $(seq 1 30); do
  if java -jar "$jar" "$include" -foe true -rf csv -rff "$out/jmh.csv" 2>&1 | grep -v '^SLF4J' | tee "$out/jmh.txt" | grep -E '^(Benchmark|Pactbridge|Peer|[A-Z][A-Za-z]*Benchmark)|ERROR|Exception'; then :; fi
  if grep -q 'Unable to acquire the JMH lock' "$out/jmh.txt"; then
    echo "another JMH run holds the lock; waiting ($attempt/30)"
    sleep 20
    continue
  fi
  break
done
test -s "$out/jmh.csv" || { echo "JMH produced no results: see $out/jmh.txt" >&2; exit 1; }

echo "== report"
java -cp "$jar" org.pactbridge.bench.Report "$out/jmh.csv" "$out/gate.txt" "$root/docs/benchmarks.md" \
  "bench/run.sh${BENCH_INCLUDE:+ (BENCH_INCLUDE=$BENCH_INCLUDE)}" "$load_before" "$(load)"
