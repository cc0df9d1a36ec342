# Sourced by the peer scripts: says when the run cannot have a quiet core. With the kernel's
# autogroup on, each terminal session gets an equal share of the CPU, so other sessions' builds
# take it whatever their niceness (docs/benchmarks.md, top of the page).
if [[ "$(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null)" == 1 ]]; then
  echo "scheduler: autogroup on; other sessions' jobs share the CPU equally however niced" \
    "(for a quiet run: echo 0 > /proc/sys/kernel/sched_autogroup_enabled, nice -n 19 the rest)"
fi
