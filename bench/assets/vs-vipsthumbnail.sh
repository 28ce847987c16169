#!/usr/bin/env bash
# Resizing and encoding 50 photos to one variant: the asset pipeline's path (decode, subsample,
# Thumbnailator, progressive JPEG q82) against Debian's vipsthumbnail on the same 50 files, each in
# ONE invocation (JVM start-up included), in the same run. Prints both times and the ratio.
#
#   mvn -B -o -q -pl asset-pipeline install -DskipTests && mvn -B -o -q -pl bench package -DskipTests
#   bench/assets/vs-vipsthumbnail.sh [width=720] [rounds=3]
#
# Needs: apt-get install -y libvips-tools. Photos are generated (AssetPhotos: 3000x2000 synthetic
# photo-like JPEGs, q90) into $WORK, not committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
WIDTH=${1:-720}
ROUNDS=${2:-3}
JAR=bench/target/benchmarks.jar
WORK=${WORK:-/tmp/venuekit-vs-vips}
# A one-shot batch JVM, like the vipsthumbnail CLI: serial GC and C1 only spend less CPU on
# start-up and compilation than the server's defaults would on 50 files.
JAVA_OPTS=${JAVA_OPTS:--Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
[ -f "$JAR" ] || { echo "build first: mvn -B -o -q -pl bench package -DskipTests" >&2; exit 1; }
command -v vipsthumbnail >/dev/null || { echo "install vipsthumbnail: apt-get install -y libvips-tools" >&2; exit 1; }

# A private copy: bench/target is shared, and a rebuild under a running JVM breaks its class loading.
mkdir -p "$WORK"
cp "$JAR" "$WORK/benchmarks.jar"
JAR="$WORK/benchmarks.jar"

if [ "$(ls "$WORK/in" 2>/dev/null | wc -l)" -ne 50 ]; then
  rm -rf "$WORK/in"
  java -cp "$JAR" io.venuekit.bench.AssetPhotos "$WORK/in" 50 3000 2000
fi

# Wall time is the target; CPU time (user + sys) is printed too because on a shared machine wall
# time also measures the neighbours.
TIMEFORMAT='%R %U %S'
measure() { { time "$@" >/dev/null 2>&1; } 2>&1; }
best_java=999999; best_vips=999999; cpu_java=0; cpu_vips=0
for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$WORK/out-java" "$WORK/out-vips"; mkdir -p "$WORK/out-vips"
  read -r jr ju js < <(measure java $JAVA_OPTS -cp "$JAR" io.venuekit.bench.AssetResizeBatch "$WORK/in" "$WORK/out-java" "$WIDTH")
  # Same output: progressive ("interlace") JPEG at quality 82, metadata stripped.
  read -r vr vu vs < <(measure vipsthumbnail "$WORK"/in/*.jpg --size "${WIDTH}x" -o "$WORK/out-vips/%s.jpg[Q=82,interlace,strip]")
  printf 'round %d: java %.2f s wall (%.2f s CPU), vipsthumbnail %.2f s wall (%.2f s CPU), load %s\n' "$round" \
    "$jr" "$(echo "$ju + $js" | bc -l)" "$vr" "$(echo "$vu + $vs" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
  if (( $(echo "$jr < $best_java" | bc -l) )); then best_java=$jr; cpu_java=$(echo "$ju + $js" | bc -l); fi
  if (( $(echo "$vr < $best_vips" | bc -l) )); then best_vips=$vr; cpu_vips=$(echo "$vu + $vs" | bc -l); fi
done
printf 'best of %d: java %.2f s, vipsthumbnail %.2f s, wall ratio %.2fx (target <= 1.5x); CPU ratio %.2fx\n' "$ROUNDS" \
  "$best_java" "$best_vips" "$(echo "$best_java / $best_vips" | bc -l)" "$(echo "$cpu_java / $cpu_vips" | bc -l)"
echo "outputs: $(ls "$WORK/out-java" | wc -l) java, $(ls "$WORK/out-vips" | wc -l) vips;" \
  "sizes: java $(du -sk "$WORK/out-java" | cut -f1) KB, vips $(du -sk "$WORK/out-vips" | cut -f1) KB"
