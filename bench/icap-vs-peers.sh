#!/usr/bin/env bash
# ICAP REQMOD throughput and latency: Lantern, c-icap's url_check and e2guardian in ICAP mode, on
# the same UT1 lists (gambling + redirector domains), driven by the same client (IcapLoad: one
# thread, NIO, CONNECTIONS keep-alive connections, one request in flight on each) with the same
# URL stream. Not a test: run by hand, as root (c-icap and e2guardian drop to their own users).
#
# c-icap's process and thread counts: C_ICAP_SERVERS (2), C_ICAP_MAX_SERVERS (4), C_ICAP_THREADS (64).
# Usage: [SKIP_BUILD=1] [JAR=lantern.jar] [SERVER_CPU=0] [CLIENT_CPU=1] [SPIN=1] [CLIENT_WARMUP=100000] \
#        [PEERS="floor lantern c-icap e2guardian"] [ROUNDS=1] \
#        bench/icap-vs-peers.sh [REQUESTS=200000] [CONNECTIONS=64] [WARMUP=100000]
#
# ROUNDS runs every server that many times, taking turns (floor, lantern, c-icap, e2guardian,
# floor, lantern, ...), and ends with each round's ratio and their median. This host's speed
# drifts by 10-15 % from one minute to the next, and a server measured a minute after another
# can land on a slower minute: servers taking turns, with the median of many rounds, is the ratio
# least moved by that drift.
#
# "floor" is bench/floor/icap-floor.c: a C server that answers every request with a fixed 204
# and decides nothing. It is what one request costs this machine's kernel and loopback TCP, the
# least any ICAP server can cost, so each server's CPU per request minus the floor's is its own
# work. SPIN=1 (default) makes the client poll without sleeping on its own core, so servers do not
# pay for waking it; SPIN=0 lets it sleep in epoll_wait.
#
# Each server is pinned to SERVER_CPU and the client to CLIENT_CPU (taskset), so they never
# compete for a core. Each server is warmed up with WARMUP requests first (the JIT, c-icap's
# thread pool and e2guardian's workers), then measured by a client that first sends CLIENT_WARMUP
# (100000) requests of its own, unmeasured, so its JIT is warm too: a client measuring from its
# first request held every server back while it compiled itself (the floor measured 124,737 req/s
# that way). The servers run one after another in
# this one script, and the load average is printed with each. Besides requests per second and
# latency, the server's CPU time per request (user + system, every thread and child process of
# the server, from /proc) is printed: it is the figure a busy machine disturbs least.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
requests="${1:-200000}"
connections="${2:-64}"
warmup="${3:-100000}"
client_warmup="${CLIENT_WARMUP:-100000}"
server_cpu="${SERVER_CPU:-0}"
client_cpu="${CLIENT_CPU:-1}"
peers="${PEERS:-floor lantern c-icap e2guardian}"
source "$here/bench/common.sh"
data="$(shared_data)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" PATH="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH"
lists="$data/lists/ut1"
stream="$data/urls/stream-200k.txt"

[ "${SKIP_BUILD:-0}" = 1 ] || (cd "$here" && ./mvnw -B -q -DskipTests install >&2)
# JAR=path/to/lantern.jar measures another build (e.g. the main branch's) in place of this one.
jar="${JAR:-$here/cli/target/lantern.jar}"
load=(taskset -c "$client_cpu" java -Xmx1g "-Dlantern.icapload.spin=$([ "${SPIN:-1}" = 1 ] && echo true || echo false)"
  -cp "$here/bench/target/benchmarks.jar" org.lantern.bench.icap.IcapLoad)

work="$(mktemp -d)"
chmod 755 "$work"
e2g="/tmp/lantern-icap-bench-e2g-$$"
server_pids=""
cleanup() { for p in $server_pids $(cat "$e2g/e2guardian.pid" 2>/dev/null); do kill -- "-$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done
  sleep 1; rm -rf "$work" "$e2g"; }
trap cleanup EXIT

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || { echo "bench: port $1 is already in use" >&2; exit 1; }; }
await_port() { for _ in $(seq 1 1200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "bench: nothing listening on port $1" >&2; return 1; }
# CPU ticks (user + system) of a server's process group (setsid made its first pid the group id),
# so threads and any worker processes it forked are all counted.
# A server that starts its own session (e2guardian) is followed through its pid file instead.
cpu_ticks() { local total=0 p; for p in $(pgrep -g "$1") $(cat "$e2g/e2guardian.pid" 2>/dev/null); do
  [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$total"; }

measure() { # name port pid service
  local name="$1" port="$2" pid="$3" service="$4" before after result
  "${load[@]}" "icap://127.0.0.1:$port/$service" "$stream" "$connections" "$warmup" 0 > /dev/null
  echo "== $name  $(date +%H:%M:%S)  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  before=$(cpu_ticks "$pid")
  result=$("${load[@]}" "icap://127.0.0.1:$port/$service" "$stream" "$connections" "$requests" "$client_warmup")
  after=$(cpu_ticks "$pid")
  echo "$result" | grep -v '^RESULT'
  # The server's CPU is counted over the client's warm-up too: the server is warm by then.
  local us; us=$(echo "scale=1; ($after - $before) * 1000000 / $(getconf CLK_TCK) / ($requests + $client_warmup)" | bc)
  echo "server CPU per request: ${us} µs"
  echo "$result" | grep '^RESULT' | sed "s/^RESULT/RESULT round=$round name=$name cpu_us=$us/" >> "$work/results"
}

floor() {
  cc -O2 -o "$work/icap-floor" "$here/bench/floor/icap-floor.c"
  port_free 1347
  setsid taskset -c "$server_cpu" "$work/icap-floor" 1347 > "$work/floor.log" 2>&1 &
  local pid=$!; server_pids="$server_pids $pid"
  await_port 1347; measure floor 1347 "$pid" reqmod; kill "$pid"; wait "$pid" 2>/dev/null || true
}

lantern() {
  port_free 1344
  setsid taskset -c "$server_cpu" java -jar "$jar" icap --port 1344 --lists "$lists" --block gambling redirector \
    > "$work/lantern.log" 2>&1 &
  local pid=$!; server_pids="$server_pids $pid"
  await_port 1344; measure lantern 1344 "$pid" reqmod; kill "$pid"; wait "$pid" 2>/dev/null || true
}

c_icap() {
  mkdir -p "$work/c-icap"; chmod 777 "$work/c-icap"
  cat > "$work/c-icap/c-icap.conf" <<EOF
PidFile $work/c-icap/c-icap.pid
CommandsSocket $work/c-icap/c-icap.ctl
Port 127.0.0.1:1345
User proxy
Group proxy
Timeout 300
KeepAliveTimeout 600
MaxKeepAliveRequests 0
StartServers ${C_ICAP_SERVERS:-2}
MaxServers ${C_ICAP_MAX_SERVERS:-4}
ThreadsPerChild ${C_ICAP_THREADS:-64}
MinSpareThreads ${C_ICAP_THREADS:-64}
MaxSpareThreads $((2 * ${C_ICAP_THREADS:-64}))
MaxRequestsPerChild 0
Pipelining on
DebugLevel 0
TmpDir /tmp
ModulesDir /usr/lib/x86_64-linux-gnu/c_icap
ServicesDir /usr/lib/x86_64-linux-gnu/c_icap
TemplateDir /usr/share/c_icap/templates/
TemplateDefaultLanguage en
LoadMagicFile /etc/c-icap/c-icap.magic
ServerLog $work/c-icap/server.log
AccessLog /dev/null
Service url_check_module srv_url_check.so
url_check.LookupTableDB gambling domain hash:$lists/gambling/domains
url_check.LookupTableDB redirector domain hash:$lists/redirector/domains
url_check.Profile default block gambling
url_check.Profile default block redirector
url_check.Profile default pass ALL
EOF
  port_free 1345
  setsid taskset -c "$server_cpu" c-icap -N -D -f "$work/c-icap/c-icap.conf" > "$work/c-icap/out.log" 2>&1 &
  local pid=$!; server_pids="$server_pids $pid"
  await_port 1345
  # c-icap names the service after the module: icap://host:port/url_check.
  measure c-icap 1345 "$pid" url_check; kill -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}

e2guardian_icap() {
  # e2guardian lower-cases some list paths it reads, so its copy lives in a lower-case path.
  local conf="$e2g"
  cp -r /etc/e2guardian "$conf"
  grep -rl '/etc/e2guardian' "$conf" | xargs sed -i "s#/etc/e2guardian#$conf#g"
  sed -i -e "s/^#\?icapport = .*/icapport = 1346/" -e "s/^filterports = .*/filterports = 18346/" \
    -e "s/^nodaemon = .*/nodaemon = on/" -e "s/^nologger = .*/nologger = on/" -e "s/^loglevel = .*/loglevel = 0/" \
    -e "s/^httpworkers = .*/httpworkers = 128/" \
    -e "s#^\#\?pidfilename = .*#pidfilename = '$conf/e2guardian.pid'#" \
    -e "s/^\#\?defaulticapfiltergroup = .*/defaulticapfiltergroup = 1/" "$conf/e2guardian.conf"
  printf '.Include<%s>\n.Include<%s>\n' "$lists/gambling/domains" "$lists/redirector/domains" > "$conf/lists/bannedsitelist"
  chmod -R a+rX "$conf"
  port_free 1346
  setsid taskset -c "$server_cpu" e2guardian -N -c "$conf/e2guardian.conf" > "$conf/out.log" 2>&1 &
  local pid=$!; server_pids="$server_pids $pid"
  await_port 1346
  # e2guardian serves REQMOD at icap://host:port/request.
  measure e2guardian 1346 "$pid" request
  # e2guardian can take minutes to stop on SIGTERM (idle keep-alive workers); the run is over.
  kill -9 "$(cat "$conf/e2guardian.pid")" "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); server on CPU $server_cpu, client on CPU $client_cpu"
scheduler_note
rounds="${ROUNDS:-1}"
echo "requests=$requests connections=$connections warmup=$warmup rounds=$rounds"
for round in $(seq 1 "$rounds"); do
  [ "$rounds" = 1 ] || echo "--- round $round of $rounds"
  for peer in $peers; do
    case "$peer" in
      floor) floor ;;
      lantern) lantern ;;
      c-icap) c_icap ;;
      e2guardian) e2guardian_icap ;;
      *) echo "bench: unknown peer $peer" >&2; exit 2 ;;
    esac
  done
done
echo
echo "summary (RESULT lines; ratios against Lantern, each round's servers against each other):"
cat "$work/results"
awk '{for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } r = v["round"]; n = v["name"]
       rps[r, n] = v["rps"]; p99[r, n] = v["p99_ms"]; cpu[r, n] = v["cpu_us"]; names[n] = 1; if (r > last) last = r }
     END { for (r = 1; r <= last; r++) { best = ""
         for (n in names) if (n != "lantern" && n != "floor" && ((r, n) in rps) && (best == "" || rps[r, n] + 0 > rps[r, best] + 0)) best = n
         if (((r, "lantern") in rps) && best != "")
           printf "round %d: lantern/%s: %.2fx requests per second (p99 %s ms vs %s ms)\n", r, best, rps[r, "lantern"] / rps[r, best], p99[r, "lantern"], p99[r, best]
         if ((r, "floor") in cpu) for (n in names) if (n != "floor" && ((r, n) in cpu))
           printf "round %d: %s: %.1f us of CPU per request above the floor (%.1f us)\n", r, n, cpu[r, n] - cpu[r, "floor"], cpu[r, "floor"] } }' \
  "$work/results" | tee "$work/summary"
ratios=$(sed -n 's/^round [0-9]*: lantern\/[^:]*: \([0-9.]*\)x.*/\1/p' "$work/summary" | sort -n)
if [ -n "$ratios" ]; then
  count=$(echo "$ratios" | wc -l)
  median=$(echo "$ratios" | awk -v n="$count" '{a[NR] = $1} END { print (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }')
  echo "lantern against the better peer of each round: median ${median}x over $count rounds," \
    "$(echo "$ratios" | awk '$1 >= 2' | wc -l) of them at 2x or more; lowest $(echo "$ratios" | head -1)x, highest $(echo "$ratios" | tail -1)x"
fi
