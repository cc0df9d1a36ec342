#!/usr/bin/env bash
# Classifying search terms: Lantern's monitor in process (JMH, one core) against GNU grep -F -i -f
# of the same library's phrases flattened to one a line (C locale, grep's fastest mode), over the
# search terms of the shared request stream, in one run so both see the same machine load.
#
#   bench/monitor-vs-grep.sh [LINES=1000000]
#   SKIP_BUILD=1 bench/monitor-vs-grep.sh      # reuse bench/target/benchmarks.jar
#
# grep only answers "does a line contain a phrase, ignoring ASCII case"; the monitor also undoes
# obfuscations, applies the rules and explains every match. Data is read by path, never copied in.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-1000000}
DATA=${DATA:-$(cd .. && pwd)/shared/data}
LIBRARY=monitor/src/main/resources/org/lantern/monitor/library/starter-library.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -B -q -o -pl bench -am package -DskipTests
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); grep: $(grep --version | head -1)"

# The library's phrases, one a line (first column; comments and header skipped; none is quoted).
grep -v '^#' "$LIBRARY" | tail -n +2 | cut -d, -f1 > "$work/phrases"
# The stream's search terms, '+' read as a space, repeated to LINES lines.
grep -oE '[?&](q|search_query)=[^&#]*' "$DATA/urls/stream-200k.txt" | sed -E 's/^.[a-z_]+=//; s/\+/ /g' > "$work/terms"
awk -v n="$LINES" '{ t[NR] = $0 } END { for (i = 0; i < n; i++) print t[i % NR + 1] }' "$work/terms" > "$work/texts"
echo "phrases: $(wc -l < "$work/phrases"); texts: $(wc -l < "$work/texts") (the stream's $(wc -l < "$work/terms") search terms, cycled)"

echo "== Lantern monitor, in process (JMH, 1 thread)"
java -jar bench/target/benchmarks.jar 'PhraseMatcherBenchmark' -f 1 -wi 5 -i 5 -w 3s -r 3s \
    -jvmArgs "-Xmx1g -Dlantern.data=$DATA" 2>&1 | grep -E '^(Benchmark|PhraseMatcherBenchmark|org\.lantern)'

echo "== GNU grep -F -i -f (LC_ALL=C), $LINES lines"
for run in 1 2 3; do
  start=$(date +%s.%N)
  LC_ALL=C grep -F -i -c -f "$work/phrases" "$work/texts" > "$work/count" || true
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v n="$LINES" -v c="$(cat "$work/count")" \
    'BEGIN { printf "run %d: %.3f s, %.0f lines/s, %s lines matched\n", '"$run"', e - s, n / (e - s), c }'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
