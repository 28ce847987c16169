#!/usr/bin/env bash
# SIGTERM during uploads and the warm-up, repeated (issue 16): each round starts the jar on one DATA_DIR,
# uploads 3 new pictures, sends SIGTERM at once, and checks the exit status (143), that no hs_err_pid*.log
# appeared, and, at the end, that a last start finishes every upload that was answered 202.
# usage: bench/resilience/sigterm-loop.sh [rounds=20]   (after mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-20}
JAR=$(realpath "${JAR:-builder-server/target/builder-server.jar}")
WORK=$(mktemp -d); PORT=${PORT:-18080}
export DATA_DIR=$WORK/data MODELS_DIR=$PWD/models SEED_SAMPLE=false WARM_UP=true PORT
ids=(); crashes=0; bad_exit=0
mkjpeg() { python3 - "$1" <<'PY'
import sys, struct, zlib, random
# a random-noise PPM is enough for the pipeline; Java decodes PNG, so write a small PNG
seed=int(sys.argv[1]); random.seed(seed); w,h=640,480
raw=b''.join(b'\x00'+bytes(random.randrange(256) for _ in range(w*3)) for _ in range(h))
def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d)&0xffffffff)
sys.stdout.buffer.write(b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',w,h,8,2,0,0,0))+chunk(b'IDAT',zlib.compress(raw,1))+chunk(b'IEND',b''))
PY
}
wait_live() { for _ in $(seq 1 300); do curl -sf "localhost:$PORT/health/live" >/dev/null && return 0; sleep 0.2; done; return 1; }
for round in $(seq 1 "$ROUNDS"); do
  (cd "$WORK" && exec java -jar "$JAR" >>"$WORK/server.log" 2>&1) & pid=$!
  wait_live
  for k in 1 2 3; do
    mkjpeg $((round * 10 + k)) > "$WORK/p.png"
    id=$(curl -s -H 'Content-Type: image/png' --data-binary @"$WORK/p.png" "localhost:$PORT/api/assets" | sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p')
    ids+=("$id")
  done
  start=$(date +%s%N); kill -TERM $pid; set +e; wait $pid; status=$?; set -e
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  [ "$status" = 143 ] || bad_exit=$((bad_exit + 1))
  n=$(find "$WORK" -maxdepth 1 -name 'hs_err_pid*.log' | wc -l); crashes=$n
  echo "round $round: exit $status after ${ms} ms, crash logs so far $n"
done
(cd "$WORK" && exec java -jar "$JAR" >>"$WORK/server.log" 2>&1) & pid=$!
wait_live
missing=0
for id in "${ids[@]}"; do
  for _ in $(seq 1 600); do curl -s "localhost:$PORT/api/assets/$id" | grep -q '"status":"ready"' && break; sleep 0.5; done
  curl -s "localhost:$PORT/api/assets/$id" | grep -q '"status":"ready"' || { missing=$((missing + 1)); echo "not ready: $id"; }
done
kill -TERM $pid; wait $pid || true
echo "rounds $ROUNDS, uploads ${#ids[@]}, not ready after the last start $missing, bad exit status $bad_exit, crash logs $crashes (work dir $WORK)"
