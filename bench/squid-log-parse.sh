#!/usr/bin/env bash
# Reading Squid's access.log into activity rows (SquidAccessLogBenchmark) beside the I/O floor,
# `wc -l` on the same file, and DuckDB's own CSV reader on it (SquidLogDuckDbPeer), in one run. Not a test: run by hand, on a quiet machine if you have one.
# Usage: [SKIP_BUILD=1] [SKIP_JMH=1] [FORKS=2] [ITERATIONS=5] [READS=6] bench/squid-log-parse.sh
# The file is 2,000,000 lines generated from shared/data/urls/stream-200k.txt (SquidLogGenerator,
# the same bytes every time) under $TMPDIR/lantern-bench; it is read once first so that both
# `wc -l` and the benchmark read it from the page cache.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" PATH="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH"
# package, never install: the benchmarks jar is all this needs.
[ "${SKIP_BUILD:-0}" = 1 ] || (cd "$here" && ./mvnw -B -q -pl bench -am package -DskipTests >&2)
jar="$here/bench/target/benchmarks.jar"
file="$(cd "$here" && java -cp "$jar" org.lantern.activity.ingest.SquidLogGenerator 2000000)"
lines=2000000
cat "$file" > /dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
source "$here/bench/common.sh"
scheduler_note
echo "file: $file, $(stat -c %s "$file") bytes, $lines lines"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The fastest of 5 runs of wc -l: the run least disturbed by other processes.
best=""
for _ in 1 2 3 4 5; do
  s=$(date +%s.%N); wc -l "$file" > /dev/null; e=$(date +%s.%N)
  t=$(echo "$e - $s" | bc)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" -eq 1 ]; then best=$t; fi
done
wc_rate=$(echo "$lines / $best" | bc)
echo "wc -l: $best s wall, $wc_rate lines/s"
# CPU seconds (user + system) of one wc -l, for the CPU rates SquidLogReadTimer prints.
wc_cpu=$( { /usr/bin/time -f "%U %S" wc -l "$file" > /dev/null; } 2>&1 | awk '{print $1 + $2}')
wc_cpu_rate=$(echo "$lines / $wc_cpu" | bc)
echo "wc -l: $wc_cpu s CPU, $wc_cpu_rate lines per CPU second"

# SKIP_JMH=1 leaves out the wall-clock JMH runs, which say little on a loaded machine (below).
if [ "${SKIP_JMH:-0}" != 1 ]; then
  (cd "$here" && java -jar "$jar" 'org.lantern.activity.ingest.SquidAccessLogBenchmark' -f "${FORKS:-2}" -wi 3 \
    -i "${ITERATIONS:-5}" -w 5s -r 5s -jvmArgs -Xmx2g -rf csv -rff "$work/jmh.csv" | grep -E '^(Benchmark|Squid)')
fi
# Wall time above is whatever share of a core the fork got; CPU time is what one core does.
(cd "$here" && java -Xmx1g -cp "$jar" org.lantern.activity.ingest.SquidLogReadTimer "${READS:-6}") | tee "$work/cpu.txt"
# The peer, timed the same way, on one thread.
(cd "$here" && java -Xmx1g -cp "$jar" org.lantern.activity.ingest.SquidLogDuckDbPeer 3 2>/dev/null) | tee "$work/duckdb.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# The median and best CPU rates of the reads after the first (the first includes JIT compilation).
rates() { tail -n +2 "$work/cpu.txt" | sed -E 's/.*CPU \(([0-9,]+) lines.*/\1/; s/,//g' | sort -n; }
rates | awk -v wc="$wc_cpu_rate" '{ r[NR] = $1 } END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2;
  printf "readFile, CPU time, reads 2-%d: median %.0f lines per CPU second (%.3f of wc -l), best %.0f\n", NR + 1, m, m / wc, r[NR] }'
lantern_cpu=$(rates | tail -1)
for peer in "lines" "lines split into fields"; do
  grep -F "read_csv, $peer, read" "$work/duckdb.txt" | sed -E 's/.*CPU \(([0-9,]+) lines.*/\1/; s/,//g' | sort -n | tail -1 | \
    awk -v l="$lantern_cpu" -v p="$peer" '{ printf "DuckDB read_csv (%s), CPU time: %.0f lines per CPU second; Lantern / DuckDB %.2f\n", p, $1, l / $1 }'
done
[ -f "$work/jmh.csv" ] || exit 0
awk -F, -v wc="$wc_rate" 'NR > 1 { gsub(/"/, "", $1); n = split($1, p, "."); \
  printf "%s: %.0f lines/s, %.3f of wc -l (wc -l is %.1fx faster)\n", p[n], $5, $5 / wc, wc / $5 }' "$work/jmh.csv"
