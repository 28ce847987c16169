#!/usr/bin/env bash
# One variant read and one delete against the number of assets stored, embedded database: the server's
# GridFsAssetFiles against the driver's GridFS download and delete. Needs the server's jar (mvn -B -q package -DskipTests).
#
#   bench/assets/variant-reads.sh [asset counts...]     (default 50 200 500)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -gt 0 ] || set -- 50 200 500
java -cp builder-server/target/builder-server.jar bench/assets/VariantReads.java "$@" 2>&1 | grep -v WARN
