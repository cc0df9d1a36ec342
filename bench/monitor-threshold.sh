#!/usr/bin/env bash
# How the risk model's threshold is chosen (issue 17): five-fold cross-validation over the shipped
# corpus with the curated libraries; per threshold, act-now recall, the corpus's benign look-alikes
# at 3+ and its identity texts at 3+, then the lowest threshold at which at most 5 % of the
# look-alikes alert (RiskModel.THRESHOLD should be it). Measures, never asserts.
#
#   bench/monitor-threshold.sh
#   SKIP_BUILD=1 bench/monitor-threshold.sh      # reuse bench/target/benchmarks.jar
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z "${SKIP_BUILD:-}" ]]; then
  (cd "$root" && ./mvnw -B -q -o -pl bench -am package -DskipTests) >&2
fi
exec java -cp "$root/bench/target/benchmarks.jar" org.lantern.monitor.eval.ModelThreshold "$@"
