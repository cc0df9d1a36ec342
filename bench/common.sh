# Sourced by the peer scripts: what they all need to know about the machine and the shared data.

# Prints the shared test data folder (shared/data in a folder above the repository, however deep
# the checkout, worktrees under wt/ included); DATA, when set, wins.
shared_data() {
  if [[ -n "${DATA:-}" ]]; then echo "$DATA"; return; fi
  local dir
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  while [[ "$dir" != / ]]; do
    if [[ -d "$dir/shared/data" ]]; then (cd "$dir/shared/data" && pwd); return; fi
    dir="$(dirname "$dir")"
  done
  echo "bench: shared/data not found above $(dirname "${BASH_SOURCE[0]}"); set DATA=/path/to/shared/data" >&2
  return 1
}

# Says when the run cannot have a quiet core. With the kernel's autogroup on, each terminal
# session gets an equal share of the CPU, so other sessions' builds take it whatever their
# niceness (docs/benchmarks.md, top of the page).
scheduler_note() {
  if [[ "$(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null)" == 1 ]]; then
    echo "scheduler: autogroup on; other sessions' jobs share the CPU equally however niced" \
      "(for a quiet run: echo 0 > /proc/sys/kernel/sched_autogroup_enabled, nice -n 19 the rest)"
  fi
}
