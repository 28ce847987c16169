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
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
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

now() { date +%s.%N; }
best_java=999999
best_vips=999999
for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$WORK/out-java" "$WORK/out-vips"; mkdir -p "$WORK/out-vips"
  t0=$(now)
  java $JAVA_OPTS -cp "$JAR" io.venuekit.bench.AssetResizeBatch "$WORK/in" "$WORK/out-java" "$WIDTH"
  t1=$(now)
  # Same output: progressive ("interlace") JPEG at quality 82, metadata stripped.
  vipsthumbnail "$WORK"/in/*.jpg --size "${WIDTH}x" -o "$WORK/out-vips/%s.jpg[Q=82,interlace,strip]"
  t2=$(now)
  java_s=$(echo "$t1 - $t0" | bc -l); vips_s=$(echo "$t2 - $t1" | bc -l)
  printf 'round %d: java %.2f s, vipsthumbnail %.2f s\n' "$round" "$java_s" "$vips_s"
  best_java=$(echo "if ($java_s < $best_java) $java_s else $best_java" | bc -l)
  best_vips=$(echo "if ($vips_s < $best_vips) $vips_s else $best_vips" | bc -l)
done
printf 'best of %d: java %.2f s, vipsthumbnail %.2f s, ratio %.2fx (target <= 1.5x)\n' "$ROUNDS" \
  "$best_java" "$best_vips" "$(echo "$best_java / $best_vips" | bc -l)"
echo "outputs: $(ls "$WORK/out-java" | wc -l) java, $(ls "$WORK/out-vips" | wc -l) vips;" \
  "sizes: java $(du -sk "$WORK/out-java" | cut -f1) KB, vips $(du -sk "$WORK/out-vips" | cut -f1) KB"
