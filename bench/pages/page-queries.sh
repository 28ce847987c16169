#!/usr/bin/env bash
# A page read, a snapshot read, a save and a version-history listing against the pages and snapshots stored, embedded database.
# Needs the server's jar (mvn -B -q package -DskipTests).
#
#   bench/pages/page-queries.sh [pages=300] [snapshots per page=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
java -cp builder-server/target/builder-server.jar bench/pages/PageQueries.java "${1:-300}" "${2:-20}" 2>&1 | grep -v WARN
