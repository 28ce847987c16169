#!/usr/bin/env bash
# Converts a Google Play Console device catalogue export (Release > Device catalog > Export
# devices list) into a device table for TIER_DEVICES:
#   device-profiles/import-catalog.sh play-catalog.csv > /etc/venuekit/devices-play.csv
#   TIER_DEVICES=/etc/venuekit/devices-play.csv   # its rows are added to the bundled ones and win
# (TIER_DEVICES may also name the export itself; the server converts it the same way at start.)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
build="${BUILD_DIR:-target}"
cd "$repo"
# -am builds the sibling modules it depends on (faults) in the same run; nothing is installed.
mvn -B -q -Dstyle.color=never -pl device-profiles -am compile dependency:build-classpath -Dbuild.dir.name="$build" \
  -Dmdep.outputFile="$here/$build/classpath.txt" >/dev/null
java -cp "$here/$build/classes:$(cat "$here/$build/classpath.txt")" \
  io.venuekit.device.hardware.PlayCatalogImporter "$(cd "$OLDPWD" && realpath "$1")"
