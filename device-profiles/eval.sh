#!/usr/bin/env bash
# Scores the tier resolver on the labelled development set, two ways:
#  1. in-sample: the committed rules, tables and fitted fallback classify every case;
#  2. grouped k-fold cross-validation: the cases are split by device model (the set's "group"),
#     and what is fitted (which family rules the cases support, the fallback per maker and OS
#     version) is fitted on the training folds only, then scores the held-out fold. This is the
#     figure that predicts a set of other phones; the in-sample one only says how well we fit.
#     It is printed again without the bundled device table: a phone the table does not know.
#
#   device-profiles/eval.sh [dev.jsonl] [k]                 # score
#   device-profiles/eval.sh --write-fallback [dev.jsonl]    # refit the bundled fallback.csv
# Run from anywhere; expects shared/ beside the repository (../shared from the repo root).
# BUILD_DIR=target-tiers picks the module's build directory (default target).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
write_fallback=""
if [[ "${1:-}" == "--write-fallback" ]]; then
  write_fallback="$here/src/main/resources/venuekit/device/fallback.csv"
  shift
fi
dev="${1:-$repo/../shared/eval/device-dev/dev.jsonl}"
k="${2:-5}"
build="${BUILD_DIR:-target}"
out="$here/$build/eval"
mkdir -p "$out"
cd "$repo"
# -am builds the sibling modules it depends on (faults) in the same run, so their classes are on
# the classpath without installing anything; the module listed last writes classpath.txt.
mvn -B -q -Dstyle.color=never -pl device-profiles -am compile dependency:build-classpath -Dbuild.dir.name="$build" \
  -Dmdep.outputFile="$out/classpath.txt" >/dev/null
cp="$here/$build/classes:$(cat "$out/classpath.txt")"
score() { /usr/bin/python3 "$(dirname "$dev")/score.py" --pred "$1" --cases "$dev"; }

if [[ -n "$write_fallback" ]]; then
  java -cp "$cp" io.venuekit.device.eval.CrossValidateDevSet "$dev" "$out" "$k" --write-fallback "$write_fallback"
  exit 0
fi

echo "### in-sample (the committed resolver on every case)"
java -cp "$cp" io.venuekit.device.eval.ClassifyDevSet "$dev" "$out/predictions.jsonl"
score "$out/predictions.jsonl"
echo
echo "### grouped $k-fold cross-validation by device model"
java -cp "$cp" io.venuekit.device.eval.CrossValidateDevSet "$dev" "$out" "$k"
echo
echo "--- scorer on the cross-validated predictions"
score "$out/predictions-cv.jsonl"
