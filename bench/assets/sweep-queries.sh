#!/usr/bin/env bash
# The asset job sweep's queries against the number of assets stored, embedded database (which
# reads every asset for each). A full sweep runs all three; see AssetJobs for how often.
# Needs the server's jar (mvn -B -q package -DskipTests).
#
#   bench/assets/sweep-queries.sh [asset counts...]     (default 1000 5000 20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -gt 0 ] || set -- 1000 5000 20000
java -cp builder-server/target/builder-server.jar bench/assets/SweepQueries.java "$@" 2>&1 | grep -v WARN
