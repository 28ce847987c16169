#!/usr/bin/env bash
# Does image work yield to serving (issue 16: "uploads during a load run move the layout p99 by at most
# 1.5x")? One server on the embedded database with the sample; wrk reads layouts (4 tiers, 4 phones,
# 32 connections) in alternating 20 s windows: without uploads, then with an upload (1600x1200 PNG)
# every second, ROUNDS times. Prints p50/p99 and requests/s per window, the load average beside each,
# and the median p99 of each kind with their ratio; the layout cache misses in each window (each miss is
# counted by the event loop's lookup and again by the render, so one render counts two).
# THREAD_CPU=1 adds each window's CPU seconds per thread group (and their niceness).
#   bench/wrk/uploads-ab.sh [JAR] [ROUNDS=3 (at most 5: 100 distinct pictures)]   # after mvn -B -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAR=$(realpath "${1:-builder-server/target/builder-server.jar}"); ROUNDS=${2:-3}; WINDOW=${WINDOW:-20}
PORT=${PORT:-18070}; WORK=$(mktemp -d)
python3 - "$WORK/limits.json" <<'PY'
import json, sys
limits = json.load(open("builder-server/src/main/resources/venuekit/rate-limits.json"))
limits["perAddress"] = {"perSecond": 1e6, "burst": 1e6}
for c in limits["routes"].values():
    c["perAddressPerSecond"] = c["perSecond"]; c["perAddressBurst"] = c["burst"]
json.dump(limits, open(sys.argv[1], "w"))
PY
RATE_LIMITS=$WORK/limits.json PORT=$PORT DATA_DIR=$WORK/data MODELS_DIR=$PWD/models java -Xmx1g ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
for _ in $(seq 1 240); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done
# the sample's pictures and the warm-up done: both are image work too
for _ in $(seq 1 480); do curl -s "localhost:$PORT/api/assets" | grep -qE '"status":"(queued|processing)"' || break; sleep 0.5; done
for _ in $(seq 1 240); do grep -q "warmed up" "$WORK/server.log" && break; sleep 0.5; done
cat > "$WORK/tiers.lua" <<'LUA'
local uas = {
  "Mozilla/5.0 (Linux; Android 8.1.0; SM-J260F) AppleWebKit/537.36 Chrome/79.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8 Pro) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 11; Redmi Note 8) AppleWebKit/537.36 Chrome/110.0 Mobile Safari/537.36" }
local paths = { "/v1/venues/double11-main/layout", "/v1/venues/double11-main/layout?tier=low",
  "/v1/venues/double11-main/layout?tier=mid", "/v1/venues/double11-main/layout?tier=high" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["User-Agent"] = uas[(math.floor(i / #paths) % #uas) + 1] })
end
LUA
python3 - "$WORK" <<'PY'
import sys, random, struct, zlib
for k in range(100 + 8):
    random.seed(k); w, h = 1600, 1200
    raw = b''.join(b'\x00' + bytes(random.randrange(256) for _ in range(w * 3 // 8)) * 8 for _ in range(h))
    c = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    open(f"{sys.argv[1]}/up{k}.png", "wb").write(b'\x89PNG\r\n\x1a\n' + c(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + c(b'IDAT', zlib.compress(raw, 1)) + c(b'IEND', b''))
PY
# per thread group (a thread's name without its number): CPU seconds, niceness; THREAD_CPU=1 prints the
# top groups per window, to see what takes the cores from the event loops while uploads run
cpu() { for f in /proc/$SERVER/task/*/stat; do cat "$f" 2>/dev/null; echo; done; }
cpu_diff() { python3 -c '
import re, sys, collections
def read(path):
    out = {}
    for line in open(path):
        m = re.match(r"(\d+) \((.*)\) (.*)", line.strip())
        if not m: continue
        f = m.group(3).split()
        out[m.group(1)] = (re.sub(r"[-#]?\d+$", "", m.group(2)), (int(f[11]) + int(f[12])) / 100, int(f[16]))
    return out
a, b = read(sys.argv[1]), read(sys.argv[2])
groups = collections.defaultdict(lambda: [0.0, set()])
for tid, (name, t, nice) in b.items():
    groups[name][0] += t - a.get(tid, (name, 0.0, nice))[1]; groups[name][1].add(nice)
top = sorted(groups.items(), key=lambda kv: -kv[1][0])[:8]
print("  cpu s: " + ", ".join(f"{n} {v[0]:.1f}" + ("" if v[1] == {0} else f" (nice {max(v[1])})") for n, v in top))
' "$1" "$2"; }
w() { wrk -t1 -c32 -d"${WINDOW}s" --latency -s "$WORK/tiers.lua" "http://127.0.0.1:$PORT"; }
ms() { awk -v k="$1" '$1 == k { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.2f", v }'; }
w >/dev/null # warm the cache and the JIT
# and the upload path's code (PNG decoding, spooling, the library), as on a server that has taken uploads
# before: without this the first upload window also measures the JIT compiling it (C2 threads, not niced)
for k in $(seq 100 107); do curl -s -o /dev/null -H 'Content-Type: image/png' --data-binary @"$WORK/up$k.png" "localhost:$PORT/api/assets"; done
for _ in $(seq 1 600); do curl -s "localhost:$PORT/api/assets?limit=200" | grep -qE '"status":"(queued|processing)"' || break; sleep 0.5; done
quiet=(); busy=()
for round in $(seq 1 "$ROUNDS"); do
  for kind in quiet uploads; do
    pid=
    if [ "$kind" = uploads ]; then
      # a new picture each time: the same bytes again are answered 200 from the library, with no image work
      first=$(( (round - 1) * WINDOW ))
      ( for k in $(seq 0 $(( WINDOW - 1 ))); do
          curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: image/png' --data-binary @"$WORK/up$(( (first + k) % 100 )).png" "localhost:$PORT/api/assets"
          sleep 1
        done > "$WORK/codes-$round" ) & pid=$!
    fi
    renders=$(curl -s "localhost:$PORT/metrics" | awk '$1 == "venuekit_layout_renders_total" {print $2}')
    [ -n "${THREAD_CPU:-}" ] && cpu > "$WORK/cpu-before"
    out=$(w); [ -n "$pid" ] && wait "$pid"
    [ -n "${THREAD_CPU:-}" ] && cpu > "$WORK/cpu-after"
    renders=$(curl -s "localhost:$PORT/metrics" | awk -v r="$renders" '$1 == "venuekit_layout_renders_total" {print $2 - r}')
    p50=$(echo "$out" | ms 50%); p99=$(echo "$out" | ms 99%); rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    codes=; [ "$kind" = uploads ] && codes=", uploads answered: $(sort "$WORK/codes-$round" | uniq -c | awk '{printf "%s x %s ", $1, $2}')"
    echo "round $round $kind: p50 $p50 ms, p99 $p99 ms, $rps req/s, layout cache misses $renders, load $(cut -d' ' -f1 /proc/loadavg), jobs running $(curl -s "localhost:$PORT/metrics" | awk '$1 == "venuekit_asset_jobs_running" {print $2}')$codes"
    [ -n "${THREAD_CPU:-}" ] && cpu_diff "$WORK/cpu-before" "$WORK/cpu-after"
    if [ "$kind" = quiet ]; then quiet+=("$p99"); else busy+=("$p99"); fi
    [ "$kind" = uploads ] && { for _ in $(seq 1 600); do curl -s "localhost:$PORT/api/assets?limit=200" | grep -qE '"status":"(queued|processing)"' || break; sleep 0.5; done; }
  done
done
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
mq=$(med "${quiet[@]}"); mb=$(med "${busy[@]}")
echo "median p99: without uploads $mq ms, with uploads $mb ms, ratio $(awk -v a="$mb" -v b="$mq" 'BEGIN { printf "%.2f", a / b }') (jar $JAR)"
