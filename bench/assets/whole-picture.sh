#!/usr/bin/env bash
# What the whole-picture files (shape "original", 1200 px, JPEG and WebP) add to processing a synthetic
# JPEG, on one thread, and their sizes. Needs the server's jar (BUILD_DIR=target-x for one built with
# -Dbuild.dir.name=target-x).
#
#   bench/assets/whole-picture.sh [width height runs]     (default 4000 3000 7)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(mktemp --suffix=.jar)
trap 'rm -f "$jar"' EXIT
cp "builder-server/${BUILD_DIR:-target}/builder-server.jar" "$jar"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" bench/assets/WholePictureTime.java "${1:-4000}" "${2:-3000}" "${3:-7}" 2>&1 | grep -v WARN
