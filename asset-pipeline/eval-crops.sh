#!/usr/bin/env bash
# Plans crops for every image of an evaluation folder and scores them with the folder's score.py.
# Usage: asset-pipeline/eval-crops.sh <folder> [crops.json]
#   <folder> holds ground_truth.json, images/ and score.py (e.g. ../shared/eval/crop-dev).
# Needs the module compiled (mvn -pl asset-pipeline compile) and the models fetched (models/).
# SUBJECT_FROM=masks takes each subject from the folder's ground-truth mask instead (see CropEval).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
folder="$(cd "${1:?usage: eval-crops.sh <folder> [crops.json]}" && pwd)"
out="${2:-$PWD/crops.json}"
build="${BUILD_DIR:-target}"
cd "$here"
cp_file="$here/$build/eval-classpath.txt"
if [[ ! -d "$here/$build/classes/io/venuekit/assets/eval" ]]; then
  (cd "$here/.." && mvn -B -q -pl asset-pipeline -Dbuild.dir.name="$build" compile)
fi
if [[ ! -f "$cp_file" ]]; then
  (cd "$here/.." && mvn -B -q -pl asset-pipeline -Dbuild.dir.name="$build" dependency:build-classpath -Dmdep.outputFile="$cp_file")
fi
java -cp "$here/$build/classes:$(cat "$cp_file")" io.venuekit.assets.eval.CropEval "$folder" "$out" "${MODELS_DIR:-$here/../models}"
cd "$folder"
/usr/bin/python3 score.py --pred "$out"
