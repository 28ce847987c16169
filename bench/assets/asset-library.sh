#!/usr/bin/env bash
# The asset library's queries (GET /api/assets: newest first, by cursor, by name) against the number of
# assets stored, embedded database. Needs the server's jar (mvn -B -q package -DskipTests;
# BUILD_DIR=target-x for a jar built with -Dbuild.dir.name=target-x).
#
#   bench/assets/asset-library.sh [asset counts...]     (default 1000 5000 20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -gt 0 ] || set -- 1000 5000 20000
jar=$(mktemp --suffix=.jar)
trap 'rm -f "$jar"' EXIT
cp "builder-server/${BUILD_DIR:-target}/builder-server.jar" "$jar"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" bench/assets/AssetLibraryQueries.java "$@" 2>&1 | grep -v WARN
