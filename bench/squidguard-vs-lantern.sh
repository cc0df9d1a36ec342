#!/usr/bin/env bash
# Throughput of squidGuard 1.6 and `lantern squid-helper` on the same requests through pipes, as
# Squid would drive them. Not a test: run by hand, on a quiet machine if you have one.
# Usage: [REPEAT=3] [SKIP_BUILD=1] bench/squidguard-vs-lantern.sh [LINES] [CONCURRENCY]   (defaults: 200000, 1)
# Start-up is not counted: squidGuard (opening its .db files, ~0.01 s) is timed on one line and on
# LINES lines and the difference counts; Lantern (loading the text lists and judging its --warm-up
# requests, 3-5 s) is timed from its "serving" line to its exit, and on one line for start-up.
# Lantern writes its decision log of every request, as in production, to the temporary logdir;
# squidGuard writes no log (school.conf has no log lines).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lines="${1:-200000}"
concurrency="${2:-1}"
source "$here/bench/common.sh"
data="$(shared_data)"
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
# JAR=/path/to/other/lantern.jar measures another build (an A/B of two builds: run once with each).
jar="${JAR:-$here/cli/target/lantern.jar}"

seconds() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc; }
# On a shared machine one run can lose seconds to other processes; the fastest of REPEAT runs
# (default 3) is the one least disturbed, and is what is reported. "$@" prints a run's seconds.
repeat="${REPEAT:-3}"
fastest() { local best="" t i; for ((i = 0; i < repeat; i++)); do t=$("$@"); \
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" -eq 1 ]; then best=$t; fi; done; echo "$best"; }
sg() { squidGuard -c "$work/school.conf" < "$1" > "$work/sg.out"; }
ln() { java -jar "$jar" squid-helper --squidguard-conf "$work/school.conf" --concurrency "$concurrency" < "$1" > "$work/ln.out" 2>"$work/ln.err"; }
# Lantern's start-up (JVM, lists, warm-up: 3-5 s) varies by up to a second between runs, more than
# it takes to judge 200,000 lines, so subtracting a separate 1-line run made its rate mostly noise.
# Its judging time is instead taken within each run, from its "serving" line on stderr to its exit
# (the decision log drained and closed). The 1-line runs still give the start-up figure.
ln_judging() {
  local pid s e
  : > "$work/ln.err"
  java -jar "$jar" squid-helper --squidguard-conf "$work/school.conf" --concurrency "$concurrency" < "$1" > "$work/ln.out" 2>"$work/ln.err" &
  pid=$!
  # s is taken before the last look that did not yet find the line, so the time is never short:
  # at most one 5 ms poll too long.
  s=$(date +%s.%N)
  while t=$(date +%s.%N); [[ "$(< "$work/ln.err")" != *"serving "* ]] && kill -0 "$pid" 2>/dev/null; do
    s=$t; sleep 0.005
  done
  wait "$pid"
  x=$(date +%s.%N)
  # The run ends at the helper's last stderr line, written once its decision log is drained,
  # closed and forced: all its work is done. Read from the file's modification time, so nothing
  # polls while it judges. What follows is the JVM's exit (giving back a heap of lists), which
  # squidGuard's figure leaves out too (its one-line run is subtracted).
  [[ "$(tail -n 1 "$work/ln.err")" == *"decision log: "* ]] || { echo "bench: the helper did not finish its log" >&2; exit 1; }
  e=$(stat -c %.9Y "$work/ln.err")
  echo "lantern: exit $(echo "$x - $e" | bc)s after its last line" >&2
  echo "$e - $s" | bc
}

sg_one=$(fastest seconds sg "$work/one.txt"); sg_all=$(fastest seconds sg "$work/in.txt")
ln_one=$(fastest seconds ln "$work/one-lantern.txt"); ln_all=$(fastest ln_judging "$lantern_in")
[ "$(wc -l < "$work/sg.out")" -eq "$lines" ] && [ "$(wc -l < "$work/ln.out")" -eq "$lines" ] \
  || { echo "bench: a program did not answer every line" >&2; exit 1; }
sg_rate=$(echo "$lines / ($sg_all - $sg_one)" | bc)
ln_rate=$(echo "$lines / $ln_all" | bc)
echo "lines=$lines concurrency=$concurrency repeat=$repeat (fastest of each)"
echo "squidGuard: start ${sg_one}s, total ${sg_all}s, ${sg_rate} lines/s"
echo "lantern:    start ${ln_one}s, judging ${ln_all}s, ${ln_rate} lines/s"
echo "ratio lantern/squidGuard: $(echo "scale=1; $ln_rate / $sg_rate" | bc)"
