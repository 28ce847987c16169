#!/usr/bin/env bash
# Bundles the builder's ES modules (app.js and every module it imports, the vendored libraries
# included) into one minified webroot/builder/app.bundle.js of the classes directory, and points
# that copy of index.html at it instead of at app.js and its ~35 preloaded modules: a browser opens
# at most six connections to a host, so the modules arrived one batch after another and held up
# the page's first API requests behind them. boot.js stays a module of its own (the bundle imports
# it, so both share its one instance) and so does the library's image picker, loaded on demand.
# The source tree is untouched and still runs unbundled.
# Run by the build in process-classes, after the resources are copied; uses the esbuild binary
# fetch-web-libs.sh placed in <classes-dir>/../web-tools/. Without it (a machine it does not run
# on) the jar serves the modules unbundled, as before, and this says so.
# Usage: bundle-builder.sh <classes-dir>
set -euo pipefail

out="${1:?usage: bundle-builder.sh <classes-dir>}"
builder="$out/webroot/builder"
esbuild="$(dirname "$out")/web-tools/esbuild"
index="$builder/index.html"

if [[ ! -x "$esbuild" ]] || ! "$esbuild" --version >/dev/null 2>&1; then
  echo "bundle-builder: no runnable esbuild at $esbuild: the builder's modules stay unbundled" >&2
  exit 0
fi

(cd "$builder" && "$esbuild" app.js --bundle --format=esm --minify \
  --external:./boot.js --external:'../../library/*' --legal-comments=linked \
  --outfile=app.bundle.js --log-level=warning)

# the unbundled entry and its preloads out, the bundle in
sed -i -e '/<!-- every module app.js imports/,/-->/d' -e '/<link rel="modulepreload"/d' \
  -e 's#<script type="module" src="/builder/app.js"></script>#<script type="module" src="/builder/app.bundle.js"></script>#' "$index"
grep -q 'src="/builder/app.bundle.js"' "$index" || { echo "bundle-builder: index.html does not load the bundle" >&2; exit 1; }
! grep -q 'modulepreload\|src="/builder/app.js"' "$index" || { echo "bundle-builder: index.html still loads the modules" >&2; exit 1; }
exit 0
