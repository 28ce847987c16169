#!/usr/bin/env bash
# Classifies the labelled development set with the committed tier rules and scores it.
#   device-profiles/eval.sh [dev.jsonl] [tier-rules.json]
# Run from anywhere; expects shared/ beside the repository (../shared from the repo root).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
dev="${1:-$repo/../shared/eval/device-dev/dev.jsonl}"
rules="${2:-}"
out="$here/target/eval"
mkdir -p "$out"
cd "$repo"
mvn -B -q -Dstyle.color=never -pl device-profiles compile
mvn -B -q -Dstyle.color=never -pl device-profiles dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null
java -cp "$here/target/classes:$(cat "$out/classpath.txt")" io.venuekit.device.eval.ClassifyDevSet \
  "$dev" "$out/predictions.jsonl" ${rules:+"$rules"}
/usr/bin/python3 "$(dirname "$dev")/score.py" --pred "$out/predictions.jsonl" --cases "$dev"
