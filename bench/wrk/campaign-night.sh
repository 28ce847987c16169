#!/usr/bin/env bash
# Campaign night (issue 16): 60 s of layout reads across tiers and phones with publishes every 5 s and
# 20 uploads during it, and the database stopped for 10 s in the middle (25 s to 35 s). The database is
# a MongoDB-protocol server in its own process (StandaloneMongo) so it can be stopped; the server reads
# it through MONGO_URI as it would a replica set.
#   bench/wrk/campaign-night.sh        # after mvn -B -q package -DskipTests
# Prints: a 20 s baseline without uploads (p50/p99), then the 60 s run: 5xx on layout reads (target 0),
# p50/p99, what the publishes and uploads got, heap used and live threads before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAR=${JAR:-builder-server/target/builder-server.jar}
[ -f "$JAR" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
PORT=${PORT:-18080}; MPORT=${MPORT:-27999}
WORK=$(mktemp -d)
# a database left on the port by an interrupted run would be used instead of this run's, and never stopped
if (echo > /dev/tcp/127.0.0.1/$MPORT) 2>/dev/null; then echo "port $MPORT is taken: set MPORT" >&2; exit 1; fi
mongo() { java -Xmx256m -cp "$JAR" io.venuekit.server.db.StandaloneMongo "$MPORT" "$WORK/mongo.mv" >>"$WORK/mongo.log" 2>&1 & MONGO=$!; }
mongo
sleep 2
# wrk is one address standing for many phones behind a CDN: lift the per-address limits, keep the rest
python3 - "$WORK/limits.json" <<'PY'
import json, sys
limits = json.load(open("builder-server/src/main/resources/venuekit/rate-limits.json"))
limits["perAddress"] = {"perSecond": 1e6, "burst": 1e6}
for c in limits["routes"].values():
    c["perAddressPerSecond"] = c["perSecond"]; c["perAddressBurst"] = c["burst"]
json.dump(limits, open(sys.argv[1], "w"))
PY
RATE_LIMITS=$WORK/limits.json PORT=$PORT DATA_DIR=$WORK/data MONGO_URI=mongodb://127.0.0.1:$MPORT java -Xmx1g -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
# the database restarted at 35 s is started by the side loop, a subshell: its pid is not in $MONGO here
trap 'kill $SERVER $MONGO 2>/dev/null; pkill -f "StandaloneMongo $MPORT $WORK/mongo.mv"; wait 2>/dev/null' EXIT
for _ in $(seq 1 240); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done
for _ in $(seq 1 480); do curl -s "localhost:$PORT/api/assets" | grep -qE '"status":"(queued|processing)"' || break; sleep 0.5; done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

cat > "$WORK/tiers.lua" <<'LUA'
local uas = {
  "Mozilla/5.0 (Linux; Android 8.1.0; SM-J260F) AppleWebKit/537.36 Chrome/79.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8 Pro) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 11; Redmi Note 8) AppleWebKit/537.36 Chrome/110.0 Mobile Safari/537.36" }
local paths = { "/v1/venues/double11-main/layout", "/v1/venues/double11-main/layout?tier=low",
  "/v1/venues/double11-main/layout?tier=mid", "/v1/venues/double11-main/layout?tier=high" }
local i = 0
local errors5xx = 0
local other = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["User-Agent"] = uas[(math.floor(i / #paths) % #uas) + 1] })
end
response = function(status)
  if status >= 500 then errors5xx = errors5xx + 1 elseif status >= 400 then other = other + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("  5xx: %d, 4xx: %d (in one wrk thread's count; -t1)\n", errors5xx, other))
end
LUA
w() { wrk -t1 -c32 --latency -s "$WORK/tiers.lua" "http://127.0.0.1:$PORT" "$@"; }
# the sum of a metric's series whose name and labels start with $1 (the value is the last field: a
# label value such as id="G1 Eden Space" holds spaces)
metric() { curl -s "localhost:$PORT/metrics" | awk -v n="$1" 'index($0, n) == 1 { s += $NF } END { printf "%.0f", s }'; }
levels() { curl -s "localhost:$PORT/metrics" | awk -F'[{}]' '/^venuekit_rate_limit_refusals_total/ && $3 + 0 > 0 { printf "%s %d, ", $2, $3 }'; }

w -d10s >/dev/null # warm the cache and the JIT
echo "baseline, 20 s, no uploads:"; w -d20s | grep -E '5xx|Requests/sec| 50%| 99%'
echo "heap used $(( $(metric 'jvm_memory_used_bytes{area="heap"') / 1048576 )) MB, live threads $(metric jvm_threads_live_threads)"

PAGE=$(curl -s "localhost:$PORT/api/pages?view=summary" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pages"][0]["id"])')
python3 - "$WORK" <<'PY'
import sys, random, struct, zlib
for k in range(20):
    random.seed(k); w, h = 1600, 1200
    raw = b''.join(b'\x00' + bytes(random.randrange(256) for _ in range(w * 3 // 8)) * 8 for _ in range(h))
    c = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    open(f"{sys.argv[1]}/up{k}.png", "wb").write(b'\x89PNG\r\n\x1a\n' + c(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + c(b'IDAT', zlib.compress(raw, 1)) + c(b'IEND', b''))
PY
side() { # publishes every 5 s, an upload every 3 s, the database away from 25 s to 35 s
  for t in $(seq 0 59); do
    if (( t % 5 == 0 )); then echo "t=$t publish $(curl -s -o /dev/null -w '%{http_code}' -X POST "localhost:$PORT/api/pages/$PAGE/publish")"; fi
    if (( t % 3 == 0 && t / 3 < 20 )); then echo "t=$t upload $(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: image/png' --data-binary @"$WORK/up$((t / 3)).png" "localhost:$PORT/api/assets")"; fi
    if (( t == 25 )); then kill $MONGO; wait $MONGO 2>/dev/null || true; echo "t=$t database stopped"; fi
    if (( t == 35 )); then mongo; echo "t=$t database started"; fi
    sleep 1
  done
}
side > "$WORK/side.log" 2>&1 &
SIDE=$!
echo "60 s with publishes, 20 uploads and the database stopped 25-35 s:"; w -d60s | grep -E '5xx|Requests/sec| 50%| 99%'
wait $SIDE
echo "publishes: $(grep -c 'publish 201' "$WORK/side.log") of $(grep -c publish "$WORK/side.log") answered 201, the rest: $(grep publish "$WORK/side.log" | grep -v 201 | awk '{print $3}' | sort | uniq -c | tr '\n' ' ')"
echo "uploads: $(grep upload "$WORK/side.log" | awk '{print $3}' | sort | uniq -c | tr '\n' ' ')"
sleep 5
echo "heap used $(( $(metric 'jvm_memory_used_bytes{area="heap"') / 1048576 )) MB, live threads $(metric jvm_threads_live_threads)"
echo "rate-limit refusals: $(metric venuekit_rate_limit_refusals_total) ($(levels)a layout the cache answers past the ceiling is served and counted); load average after: $(cut -d' ' -f1-3 /proc/loadavg); logs in $WORK"
