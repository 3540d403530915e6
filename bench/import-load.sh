#!/usr/bin/env bash
# Issue 22's import load: `pactbridge item import` of ITEMS items of 1 KiB (the release jar, a real
# process) against its floor in the same run: a bare COPY (FORMAT binary) of the same rows on
# PostgreSQL, bare batched inserts on H2 (docs/benchmarks.md, "Issue 22").
# Usage: bench/import-load.sh [ITEMS, default 100000] [pg|h2|both, default both]
set -euo pipefail
cd "$(dirname "$0")/.."
items="${1:-100000}"
db="${2:-both}"
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null | sed 's/ /, /g' || echo unknown; }
mvn -q -o package -pl cli,bench -am -DskipTests 2>/dev/null || mvn -q package -pl cli,bench -am -DskipTests
echo "load average before: $(load)"
java -cp bench/target/benchmarks.jar org.pactbridge.bench.importload.ImportLoad --items "$items" --db "$db" \
  --cli cli/target/pactbridge.jar --dir bench/target/import 2>&1 | grep -v '^SLF4J\|^importing: '
echo "load average after: $(load)"
