#!/usr/bin/env bash
# The asset repository's queries against the number of assets stored, embedded database: the job
# sweep's three (which read every asset there; see AssetJobs for how often they run), a job's
# conditional claim and progress writes, and listing one owner's newest assets.
# Needs the server's jar (mvn -B -q package -DskipTests).
#
#   bench/assets/asset-queries.sh [asset counts...]     (default 1000 5000 20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -gt 0 ] || set -- 1000 5000 20000
java -cp builder-server/target/builder-server.jar bench/assets/AssetQueries.java "$@" 2>&1 | grep -v WARN
