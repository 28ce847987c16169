#!/usr/bin/env bash
# Plans crops for every image of an evaluation folder and scores them with the folder's score.py:
# in-sample (the parameters as configured) and grouped k-fold (parameters fitted on the other folds
# only: judge a change by this one), per shape and over the shapes asked, with the time per stage
# (wall and CPU) and images/s.
# Usage: asset-pipeline/eval-crops.sh <folder> [crops.json]
#   <folder> holds ground_truth.json, images/ and score.py (e.g. ../shared/eval/crop-dev).
# Environment:
#   BUILD_DIR=target    the module's build directory (mvn -Dbuild.dir.name=...); built offline if missing
#   SHAPES=1:1,16:9     only these shapes (default: all six); the summary pools the shapes asked
#   FOLDS=5             folds for cross-validation (0: in-sample only, faster)
#   AGREEMENT=1         also fits SubjectSearch's cue-agreement test for doubt (it lost in CV: bench/crops/README.md)
#   THREADS=2           images analysed at once (default: one per core)
#   MODELS_DIR=models   where the ONNX models are
#   JAVA_OPTS=...       e.g. -Dvenuekit.analysis.text.minSide=480 to try detector settings (AnalysisSettings)
#   PYTHON=/usr/bin/python3  runs score.py; numpy and PIL (Debian: python3-numpy python3-pil) add mask_kept
#   SUBJECT_FROM=masks  takes each subject from the folder's ground-truth mask instead (see CropEval).
#   FULL=1              also prints score.py's own tables (it counts shapes left out by SHAPES as failed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
folder="$(cd "${1:?usage: eval-crops.sh <folder> [crops.json]}" && pwd)"
out="${2:-$PWD/crops.json}"
build="${BUILD_DIR:-target}"
cp_file="$here/$build/eval-classpath.txt"
if [[ ! -d "$here/$build/classes/io/venuekit/assets/eval" || ! -f "$cp_file" ]]; then
  # The normal build writes the classpath (maven-dependency-plugin in the module's pom); -o: no network.
  (cd "$here/.." && mvn -B -o -q -pl asset-pipeline -am -Dbuild.dir.name="$build" -DskipTests package)
fi
python="${PYTHON:-/usr/bin/python3}"
if ! "$python" -c 'import numpy, PIL' 2>/dev/null; then
  echo "eval-crops: $python lacks numpy or PIL: mask_kept will read nan (apt-get install python3-numpy python3-pil)" >&2
fi
java ${JAVA_OPTS:-} -cp "$here/$build/classes:$(cat "$cp_file")" io.venuekit.assets.eval.CropEval "$folder" "$out" "${MODELS_DIR:-$here/../models}"
cv="${out%.*}.cv.json"
[[ "${FOLDS:-5}" != 0 && -f "$cv" && "$cv" -nt "$out" ]] || cv=""
# The folder's score.py judges; this only pools its per-case results over the shapes asked.
SCORE_DIR="$folder" SHAPES="${SHAPES:-1:1,3:4,4:3,16:9,2:1,9:16}" "$python" - "$out" ${cv:+"$cv"} <<'PY'
import json, os, sys
sys.path.insert(0, os.environ["SCORE_DIR"])
import score
folder = os.environ["SCORE_DIR"]
shapes = [s for s in os.environ["SHAPES"].split(",") if s]
truth = json.load(open(os.path.join(folder, "ground_truth.json")))
def mean(xs): return sum(xs) / len(xs) if xs else float("nan")
for path, label in zip(sys.argv[1:], ["in-sample", "grouped k-fold (each image's parameters fitted without its fold)"]):
    preds = json.load(open(path))
    stats = score.score(truth, lambda n, gt: {r: c for r, c in preds.get(n, {}).items() if r in shapes}, folder)
    print(f"== {label}: {path}")
    print(f"{'shapes':>15} {'cont|feas':>10} {'mask_kept':>10} {'area':>6} {'faces_cut':>10} {'words_cut':>10} {'feasible':>9}")
    def row(name, rs):
        pool = {k: sum((stats[r][k] for r in rs), []) for k in ("feas", "mask", "area", "faces", "words")}
        print(f"{name:>15} {mean(pool['feas']):10.1%} {mean(pool['mask']):10.1%} {mean(pool['area']):6.2f} "
              f"{mean(pool['faces']):10.1%} {mean(pool['words']):10.1%} {len(pool['feas']):9d}")
    for r in shapes: row(r, [r])
    if len(shapes) > 1: row("+".join(shapes) if len(shapes) < 4 else "all asked", shapes)
    headline = [r for r in ("1:1", "16:9", "9:16") if r in shapes]
    if len(headline) == 3 and len(shapes) > 3: row("1:1+16:9+9:16", headline)
PY
if [[ -n "${FULL:-}" ]]; then
  cd "$folder"
  "$python" score.py --pred "$out"
  [[ -z "$cv" ]] || "$python" score.py --pred "$cv"
fi
