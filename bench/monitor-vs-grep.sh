#!/usr/bin/env bash
# Classifying search terms: Lantern's monitor against GNU grep -F -i -f of the phrases of every
# library `lantern classify` uses (the curated ones), flattened to one a line (C locale, grep's fastest mode), over the search
# terms of the shared request stream, in one run so both see the same machine load: in process
# (JMH, one core), then `./lantern classify --file` end to end (JVM start, library, reading,
# JSON out) against grep over the same file, taking turns for ROUNDS rounds, with the medians.
#
#   bench/monitor-vs-grep.sh [LINES=1000000]
#   SKIP_BUILD=1 bench/monitor-vs-grep.sh      # reuse bench/target/benchmarks.jar and cli/target/lantern.jar
#   SKIP_JMH=1 ROUNDS=5 bench/monitor-vs-grep.sh   # the command line against grep only
#
# grep only answers "does a line contain a phrase, ignoring ASCII case"; the monitor also undoes
# obfuscations, applies the rules and explains every match. Data is read by path, never copied in.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-1000000}
source bench/common.sh
DATA=$(shared_data)
LIBRARIES=monitor/src/main/resources/org/lantern/monitor/library
ROUNDS=${ROUNDS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ -z "${SKIP_BUILD:-}" ]]; then
  ./mvnw -B -q -o -pl bench,cli -am package -DskipTests
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
scheduler_note
echo "java: $(java -version 2>&1 | head -1); grep: $(grep --version | head -1)"

# The phrases of every library `lantern classify` uses (the curated ones), one a line (the phrase
# column; comments skipped, quotes read as CSV).
python3 - "$LIBRARIES"/curated/*.csv > "$work/phrases" <<'EOF'
import csv, sys
for path in sys.argv[1:]:
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            print(row["phrase"].strip())
EOF
# The stream's search terms, '+' read as a space, repeated to LINES lines.
grep -oE '[?&](q|search_query)=[^&#]*' "$DATA/urls/stream-200k.txt" | sed -E 's/^.[a-z_]+=//; s/\+/ /g' > "$work/terms"
awk -v n="$LINES" '{ t[NR] = $0 } END { for (i = 0; i < n; i++) print t[i % NR + 1] }' "$work/terms" > "$work/texts"
echo "phrases: $(wc -l < "$work/phrases"); texts: $(wc -l < "$work/texts") (the stream's $(wc -l < "$work/terms") search terms, cycled)"

if [[ -z "${SKIP_JMH:-}" ]]; then
  echo "== Lantern monitor, in process (JMH, 1 thread)"
  java -jar bench/target/benchmarks.jar 'PhraseMatcherBenchmark' -f 1 -wi 5 -i 5 -w 3s -r 3s \
      -jvmArgs "-Xmx1g -Dlantern.data=$DATA" 2>&1 | grep -E '^(Benchmark|PhraseMatcherBenchmark|org\.lantern)'
fi

# One timed run: wall, user and system seconds on one line, its output kept to count.
timed() {
  local name=$1; shift
  local TIMEFORMAT='%R %U %S'
  { time "$@" > "$work/$name.out" 2> "$work/$name.err"; } 2> "$work/$name.time" || true
  cat "$work/$name.time" >> "$work/$name.times"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== lantern classify --file against GNU grep -F -i -f (LC_ALL=C), $LINES lines, $ROUNDS rounds taking turns"
for ((round = 1; round <= ROUNDS; round++)); do
  timed lantern env LANTERN_SKIP_BUILD=1 ./lantern classify --file "$work/texts"
  timed grep env LC_ALL=C grep -F -i -f "$work/phrases" "$work/texts"
  printf 'round %d: lantern %s s (user %s, sys %s), %s JSON lines, %s matched; grep %s s (user %s, sys %s), %s lines matched\n' \
    "$round" $(tail -1 "$work/lantern.times") "$(wc -l < "$work/lantern.out")" \
    "$(grep -vc '"level":0,"categories":\[\]' "$work/lantern.out" || true)" \
    $(tail -1 "$work/grep.times") "$(wc -l < "$work/grep.out")"
done
lantern_wall=$(cut -d' ' -f1 "$work/lantern.times" | median)
grep_wall=$(cut -d' ' -f1 "$work/grep.times" | median)
lantern_cpu=$(awk '{ print $2 + $3 }' "$work/lantern.times" | median)
grep_cpu=$(awk '{ print $2 + $3 }' "$work/grep.times" | median)
awk -v lw="$lantern_wall" -v gw="$grep_wall" -v lc="$lantern_cpu" -v gc="$grep_cpu" 'BEGIN {
  printf "median wall: lantern %.2f s, grep %.2f s: lantern at %.3fx grep'"'"'s speed (1 or more meets the target)\n", lw, gw, gw / lw
  printf "median CPU (user + sys): lantern %.2f s, grep %.2f s: %.1fx the CPU\n", lc, gc, lc / gc }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
