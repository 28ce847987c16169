#!/usr/bin/env bash
# One use's own crop (a page's image prop with a focus) on a synthetic JPEG, on one thread: what a
# render waits for (up to 1 s) the first time a focus is asked for. Needs the server's jar
# (BUILD_DIR=target-x for one built with -Dbuild.dir.name=target-x).
#
#   bench/assets/use-crop.sh [width height runs]     (default 4000 3000 7)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(mktemp --suffix=.jar)
trap 'rm -f "$jar"' EXIT
cp "builder-server/${BUILD_DIR:-target}/builder-server.jar" "$jar"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" bench/assets/UseCropTime.java "${1:-4000}" "${2:-3000}" "${3:-7}" 2>&1 | grep -v WARN
