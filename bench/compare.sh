#!/usr/bin/env bash
# Times this checkout's engine against another commit's, on the same machine at the same time:
#   bench/compare.sh REF [RUNS]      e.g. bench/compare.sh HEAD~3 5
# builds REF's benchmarks jar in a temporary git worktree and this checkout's jar, then runs
# org.pactbridge.bench.ab.Compare, which alternates the two builds' JVMs RUNS times (default 3) and
# prints the median direct decision and route search of each on the generated world, and their ratio.
# About a minute per run after the two builds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
ref="${1:?usage: bench/compare.sh REF [RUNS]}"
runs="${2:-3}"
base="$(mktemp -d)/base"
trap 'git -C "$root" worktree remove --force "$base" >/dev/null 2>&1 || true' EXIT
git worktree add --detach "$base" "$ref" >/dev/null
echo "== building $ref"
(cd "$base" && mvn -q -B package -pl bench -am -DskipTests)
echo "== building this checkout"
mvn -q -B package -pl bench -am -DskipTests
cp "$base/bench/target/benchmarks.jar" "$root/bench/target/benchmarks-base.jar"
echo "== comparing ($runs runs each)"
java -cp "$root/bench/target/benchmarks.jar" org.pactbridge.bench.ab.Compare \
  "$root/bench/target/benchmarks-base.jar" "$root/bench/target/benchmarks.jar" "$runs"
