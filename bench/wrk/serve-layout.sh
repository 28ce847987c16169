#!/usr/bin/env bash
# Serving the cached layout vs a constant-bytes route, same server, same run (issue 5).
#   bench/wrk/serve-layout.sh            # builds nothing: run the README's first command once before
# Prints requests/s for both routes and their ratio over ROUNDS rounds (20 s per route each, the
# order alternating) and the median ratio, then latency at 5,000+ requests/s. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAR=builder-server/target/builder-server.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }

PORT=${PORT:-18080}
DATA=$(mktemp -d)
# One event loop by default: wrk shares this machine's two cores, and with a loop per core both
# routes saturate the machine rather than the server, so the ratio would measure wrk. One loop
# makes the ratio what the layout route costs beyond HTTP itself. EVENT_LOOPS=0 runs the server
# as it ships (a loop per core).
EVENT_LOOPS=${EVENT_LOOPS:-1}
echo "server event loops: $EVENT_LOOPS (0 = one per core)"
# On a machine of 2+ cores the server gets core 0 and wrk the others, so neither steals the
# other's core mid-run: without pinning, the same build measured anywhere from 72% to 95%.
SERVER_CPU=(); WRK_CPU=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  SERVER_CPU=(taskset -c 0); WRK_CPU=(taskset -c "1-$(( $(nproc) - 1 ))")
  echo "pinned: server on CPU 0, wrk on CPUs 1-$(( $(nproc) - 1 ))"
fi
PORT=$PORT DATA_DIR=$DATA BENCH_ROUTES=true EVENT_LOOPS=$EVENT_LOOPS "${SERVER_CPU[@]}" java -Xmx1g -jar "$JAR" > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

# the sample's pictures are processed in the background at first start; measure once they are ready
for _ in $(seq 1 240); do
  curl -s "http://127.0.0.1:$PORT/api/assets" | grep -qE '"status":"(queued|processing)"' || break
  sleep 0.5
done

UA='Mozilla/5.0 (Linux; Android 8.1.0; SM-J260F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.136 Mobile Safari/537.36'
LAYOUT="http://127.0.0.1:$PORT/v1/venues/double11-main/layout"
# warm the cache and the JIT, and make sure both routes answer 200
curl -sf -o /dev/null -H "User-Agent: $UA" "$LAYOUT"
BYTES=$(curl -s -H "User-Agent: $UA" "$LAYOUT" | wc -c)
curl -sf -o /dev/null "http://127.0.0.1:$PORT/bench/constant?size=$BYTES"
CONSTANT="http://127.0.0.1:$PORT/bench/constant?size=$BYTES"
w() { "${WRK_CPU[@]}" wrk -t2 -c64 -H "User-Agent: $UA" "$@"; }
w -d10s "$LAYOUT" >/dev/null
w -d10s "$CONSTANT" >/dev/null

rps() { awk '/Requests\/sec/ {print $2}'; }
echo "payload: $BYTES bytes (low tier, identity encoding)"
ROUNDS=${ROUNDS:-5}
RATIOS=()
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then
    L=$(w -d20s "$LAYOUT" | rps); C=$(w -d20s "$CONSTANT" | rps)
  else
    C=$(w -d20s "$CONSTANT" | rps); L=$(w -d20s "$LAYOUT" | rps)
  fi
  R=$(awk -v l="$L" -v c="$C" 'BEGIN {printf "%.1f", 100*l/c}')
  RATIOS+=("$R")
  echo "round $round: layout $L req/s, constant $C req/s, ratio $R%"
done
echo "median ratio: $(printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')% (target >= 70%)"

# At least 5,000 requests/s: 64 connections, each pausing 11 ms between requests (wrk's delay is
# whole milliseconds; 12 ms lands just under 5,000 once the response time is added)
cat > "$DATA/paced.lua" <<'LUA'
function delay() return 11 end
LUA
echo "paced run (target >= 5,000 req/s):"
w -d20s --latency -s "$DATA/paced.lua" "$LAYOUT" | grep -E 'Requests/sec|50%|90%|99%'
