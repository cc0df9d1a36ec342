#!/usr/bin/env bash
# Throughput of squidGuard 1.6 and `lantern squid-helper` on the same requests through pipes, as
# Squid would drive them. Not a test: run by hand, on a quiet machine if you have one.
# Usage: [REPEAT=3] [SKIP_BUILD=1] bench/squidguard-vs-lantern.sh [LINES] [CONCURRENCY]   (defaults: 200000, 1)
# Each program is timed twice, on one line and on LINES lines; the difference is the time spent
# judging requests, so start-up is not counted: squidGuard opening its .db files (~0.01 s), and
# Lantern loading the text lists and judging its --warm-up requests (2-5 s). Lantern writes its
# decision log of every request, as in production, to the temporary logdir; squidGuard writes no
# log (school.conf has no log lines).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lines="${1:-200000}"
concurrency="${2:-1}"
data=""
for d in "$here" "$here/.." "$here/../.."; do [ -d "$d/shared/data" ] && data="$(cd "$d/shared/data" && pwd)" && break; done
[ -n "$data" ] || { echo "bench: shared/data not found above $here" >&2; exit 1; }
command -v squidGuard >/dev/null || { echo "bench: squidGuard is not installed (apt-get install squidguard)" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" PATH="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# squidGuard -C writes .db files beside the lists, so it gets copies of the ones school.conf uses.
sed "s#@DATA@#$work#g; s#^logdir .*#logdir $work#" "$data/squidguard/school.conf.in" > "$work/school.conf"
for f in $(grep -oE '(domainlist|urllist) [^ ]+' "$work/school.conf" | awk '{print $2}'); do
  case "$f" in /*) rel="${f#$work/}" ;; *) rel="lists/ut1/$f" ;; esac
  mkdir -p "$work/$(dirname "$rel")"; cp "$data/$rel" "$work/$rel"
done
squidGuard -c "$work/school.conf" -C all
# LINES above the stream's 200,000 cycles it, so a long run measures the JVM after JIT warm-up
# (a helper serves for days) rather than mostly its first second.
awk -v n="$lines" '{u[NR]=$0} END{for(i=1;i<=n;i++){ip=(i%3==0)?"10.2.0.5/- -":(i%3==1)?"10.1.0.7/- alice":"192.168.1.9/- -"; print u[(i-1)%NR+1]" "ip" GET"}}' \
  "$data/urls/stream-200k.txt" > "$work/in.txt"
head -n 1 "$work/in.txt" > "$work/one.txt"
if [ "$concurrency" -gt 1 ]; then
  awk '{print (NR-1)%'"$concurrency"'" "$0}' "$work/in.txt" > "$work/in-c.txt"; lantern_in="$work/in-c.txt"
else
  lantern_in="$work/in.txt"
fi
head -n 1 "$lantern_in" > "$work/one-lantern.txt"
# SKIP_BUILD=1 reuses cli/target/lantern.jar from an earlier run.
[ "${SKIP_BUILD:-0}" = 1 ] || (cd "$here" && ./mvnw -B -q -DskipTests install >&2)
jar="$here/cli/target/lantern.jar"

seconds() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc; }
# On a shared machine one run can lose seconds to other processes; the fastest of REPEAT runs
# (default 3) is the one least disturbed, and is what is reported.
repeat="${REPEAT:-3}"
fastest() { local best="" t i; for ((i = 0; i < repeat; i++)); do t=$(seconds "$@"); \
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" -eq 1 ]; then best=$t; fi; done; echo "$best"; }
sg() { squidGuard -c "$work/school.conf" < "$1" > "$work/sg.out"; }
ln() { java -jar "$jar" squid-helper --squidguard-conf "$work/school.conf" --concurrency "$concurrency" < "$1" > "$work/ln.out" 2>"$work/ln.err"; }

sg_one=$(fastest sg "$work/one.txt"); sg_all=$(fastest sg "$work/in.txt")
ln_one=$(fastest ln "$work/one-lantern.txt"); ln_all=$(fastest ln "$lantern_in")
[ "$(wc -l < "$work/sg.out")" -eq "$lines" ] && [ "$(wc -l < "$work/ln.out")" -eq "$lines" ] \
  || { echo "bench: a program did not answer every line" >&2; exit 1; }
sg_rate=$(echo "$lines / ($sg_all - $sg_one)" | bc)
ln_rate=$(echo "$lines / ($ln_all - $ln_one)" | bc)
echo "lines=$lines concurrency=$concurrency repeat=$repeat (fastest of each)"
echo "squidGuard: start ${sg_one}s, total ${sg_all}s, ${sg_rate} lines/s"
echo "lantern:    start ${ln_one}s, total ${ln_all}s, ${ln_rate} lines/s"
echo "ratio lantern/squidGuard: $(echo "scale=1; $ln_rate / $sg_rate" | bc)"
