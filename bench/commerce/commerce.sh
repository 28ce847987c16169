#!/usr/bin/env bash
# Data and commerce through the real server on the embedded database (issue 19), one after another:
#   1. GET /v1/venues/double11-main/live (the sample's bound products, coupons and lottery), then the layout: requests/s and
#      latency at saturation, then both paced at about RATES req/s (p99 at a given rate)
#   2. claims per second on one hot coupon with 1 stock bucket, then with 16 buckets (same server, two rounds
#      alternating), each with the answers by status and the stock the run took (equal to the 201s, or more
#      when wrk gave up on claims the server still made)
#   3. events ingested per second (batches of 50)
#   bench/commerce/commerce.sh [JAR]     # default builder-server/target/builder-server.jar; build it first
# Loopback only; prints the load average beside each figure. DURATION (s) per run, 15 by default;
# RATES the paced rates (default 5000).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
JAR=${1:-builder-server/target/builder-server.jar}
[ -f "$JAR" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
PORT=${PORT:-18090}
D=${DURATION:-15}
DATA=$(mktemp -d)
RATE_LIMITS=${RATE_LIMITS:-bench/commerce/no-limits.json} PORT=$PORT DATA_DIR=$DATA WARM_UP=false java -Xmx1g -jar "$JAR" > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/v1/venues/double11-main/live" && break; sleep 0.5; done
# the sample's pictures are processed after start (decoding, models, encoding) and each one that turns
# ready re-renders the layouts showing it: measure after that, or the first runs measure start-up
for _ in $(seq 1 240); do curl -s "http://127.0.0.1:$PORT/api/assets?limit=200" | grep -qE '"status":"(queued|processing)"' || break; sleep 0.5; done
B="http://127.0.0.1:$PORT"
load() { awk '{print "load " $1}' /proc/loadavg; }
w() { wrk -t2 -c"${CONNS:-32}" -d"${D}s" --latency "$@"; }
summary() { grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|99)%'; }

echo "== live data: GET /v1/venues/double11-main/live ($(curl -s "$B/v1/venues/double11-main/live" | wc -c) bytes)"
w -d5s "$B/v1/venues/double11-main/live" >/dev/null
w "$B/v1/venues/double11-main/live" | summary; load
echo "== the layout of the same venue, for comparison (cached immutable bytes)"
w "$B/v1/venues/double11-main/layout" | summary; load
for rate in ${RATES:-5000}; do
  echo "== the layout and the live data, each paced at about $rate req/s (bench/wrk/paced.lua; the rate reached is the one printed)"
  for path in layout live; do
    echo "-- $path"
    RATE=$rate CONNS=50 wrk -t2 -c50 -d"${D}s" --latency -s bench/wrk/paced.lua "$B/v1/venues/double11-main/$path" | summary; load
  done
done

for buckets in 1 16; do
  curl -sf -o /dev/null -H 'Content-Type: application/json' -X POST "$B/api/coupons" \
    -d "{\"id\": \"hot-$buckets\", \"amount\": {\"cents\": 500}, \"stock\": 10000000, \"buckets\": $buckets}"
done
stock() { curl -s "$B/api/coupons/$1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["stock"])'; }
# the stock once the claims wrk left in flight have been answered: two reads a second apart agree
settled() { local a b; a=$(stock "$1"); for _ in $(seq 1 30); do sleep 1; b=$(stock "$1"); [ "$a" = "$b" ] && break; a=$b; done; echo "$b"; }
for round in 1 2; do
  for buckets in 1 16; do
    echo "== claims on one hot coupon, $buckets bucket(s), round $round"
    before=$(stock "hot-$buckets")
    w --timeout 10s -s bench/commerce/claim.lua "$B/v1/coupons/hot-$buckets/claim" | tee "$DATA/claims.out" | summary; load
    grep -E '^  (answers|claimed):' "$DATA/claims.out"
    # wrk gives up on a request after its timeout, but the server may still finish the claim: then more
    # stock is taken than 201s were counted. Fewer taken than counted would be a lost or doubled claim.
    echo "  stock taken in this run: $(( before - $(settled "hot-$buckets") )) (claimed above: 201s wrk saw)"
  done
done

echo "== events: POST /v1/events, 50 events per batch"
w -s bench/commerce/events.lua "$B/v1/events" | summary; load
echo "(events/s = requests/s x 50)"
