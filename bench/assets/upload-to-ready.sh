#!/usr/bin/env bash
# Upload to all variants ready, through the real server: POST /api/assets with a synthetic photo
# (generated here, not committed), then poll GET /api/assets/{id} every 100 ms until it is ready
# (UploadToReady, one JVM on one kept-alive connection). Upload to ready = the POST's time + the
# server's own createdAt -> readyAt; the wall time until a poll saw it is printed beside it.
# The server runs from the README's jar on a fresh embedded database, with its start-up warm-up;
# uploads go one after another. Prints each upload, the median and the first, the load average
# and the peak heap (jstat every 100 ms).
#
#   mvn -B -q package -DskipTests
#   bench/assets/upload-to-ready.sh [uploads=6] [WxH=4000x3000]
#   JAVA_OPTS=-Xmx512m bench/assets/upload-to-ready.sh 1 8660x5773     # the 50-megapixel case
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-6}
SIZE=${2:-4000x3000}
PORT=${PORT:-18977}
WORK=${WORK:-/tmp/venuekit-upload}
mkdir -p "$WORK"
cp bench/target/benchmarks.jar "$WORK/benchmarks.jar"   # bench/target is shared; keep our own copy
PHOTOS="$WORK/in-$SIZE-$COUNT"
if [ ! -f "$PHOTOS/photo-000.jpg" ]; then
  java -Xmx2g -cp "$WORK/benchmarks.jar" io.venuekit.bench.AssetPhotos "$PHOTOS" "$COUNT" "${SIZE%x*}" "${SIZE#*x}"
fi
DATA=$(mktemp -d)
LOG="$WORK/server.log"
# shellcheck disable=SC2086
PORT=$PORT DATA_DIR=$DATA SEED_SAMPLE=false java ${JAVA_OPTS:-} -jar builder-server/target/builder-server.jar > "$LOG" 2>&1 &
SERVER=$!
HEAP="$WORK/heap.txt"
cleanup() { kill "$SERVER" 2>/dev/null || true; kill "${JSTAT:-}" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
for _ in $(seq 1 1200); do grep -q "warmed up" "$LOG" 2>/dev/null && break; sleep 0.1; done
grep "warmed up\|warm-up failed" "$LOG" | sed 's/^.*INFO [^ ]* - //' || echo "no warm-up line in $LOG"
jstat -gc "$SERVER" 100 > "$HEAP" &
JSTAT=$!
java ${CLIENT_OPTS:-} -cp "$WORK/benchmarks.jar" io.venuekit.bench.UploadToReady "http://localhost:$PORT" "$PHOTOS"/photo-*.jpg
kill "$JSTAT" 2>/dev/null || true
echo "photos of $SIZE; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# Heap in use after each sample: survivor + eden + old, in MB.
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "peak heap in use %.0f MB (jstat, every 100 ms)\n", max / 1024 }' "$HEAP"
