#!/usr/bin/env bash
# A 50-megapixel JPEG (8660 x 5773, synthetic, generated here and not committed) processed by the
# asset pipeline at -Xmx512m, as the server would: detections (real models if models/ exists),
# six shapes, every width, JPEG and WebP. Prints time and peak heap.
#
#   mvn -B -o -q -pl asset-pipeline install -DskipTests && mvn -B -o -q -pl bench package -DskipTests
#   bench/assets/heap-50mp.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-/tmp/venuekit-heap}
mkdir -p "$WORK"
cp bench/target/benchmarks.jar "$WORK/benchmarks.jar"   # bench/target is shared; keep our own copy
if [ ! -f "$WORK/in/photo-000.jpg" ]; then
  java -Xmx2g -cp "$WORK/benchmarks.jar" io.venuekit.bench.AssetPhotos "$WORK/in" 1 8660 5773
fi
java -Xmx512m -cp "$WORK/benchmarks.jar" io.venuekit.bench.AssetHeapCheck "$WORK/in/photo-000.jpg" models
