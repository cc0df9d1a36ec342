#!/usr/bin/env bash
# The monitor's accuracy benchmark (issue 17): the libraries Lantern ships, over the labelled set in
# bench/src/main/resources/org/lantern/monitor/eval/monitor-eval.csv and, when given, a held-back set
# in the same format. Prints every miss and false alarm explained, the set's composition, then
# per-category precision and recall, recall on level 4-5 texts and the other figures of
# docs/monitoring.md ("Accuracy"). Measures, never asserts: the figures are the result.
#
#   bench/monitor-eval.sh [--json] [--library FILE.csv]... [HELD_BACK.csv]
#   SKIP_BUILD=1 bench/monitor-eval.sh ...      # reuse bench/target/benchmarks.jar
#
# --library (repeatable) measures library files instead of the shipped libraries, to try a draft.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z "${SKIP_BUILD:-}" ]]; then
  (cd "$root" && ./mvnw -B -q -o -pl bench -am package -DskipTests) >&2
fi
exec java -cp "$root/bench/target/benchmarks.jar" org.lantern.monitor.eval.MonitorEvaluation "$@"
