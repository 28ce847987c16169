#!/usr/bin/env bash
# Fetches the builder front-end's libraries from the npm registry, checks each tarball against the
# sha512 integrity committed below (the registry's dist.integrity), and places the files the
# builder imports under <out>/webroot/builder/vendor/, so they are bundled into the jar: the
# builder never loads code from a CDN. Run by the build in generate-resources.
# Usage: fetch-web-libs.sh <classes-dir> [test-classes-dir]
#   axe-core (the accessibility check) goes to <test-classes-dir>/webtest/ only: tests use it,
#   the jar does not ship it. esbuild (bundle-builder.sh's bundler, a static binary in its npm
#   package) goes to <classes-dir>/../web-tools/, outside the jar too.
# Tarballs are cached (VENUEKIT_NPM_CACHE, default ~/.cache/venuekit/npm), so rebuilds work
# offline after the first run.
set -euo pipefail

out="${1:?usage: fetch-web-libs.sh <classes-dir> [test-classes-dir]}"
tests="${2:-}"
cache="${VENUEKIT_NPM_CACHE:-$HOME/.cache/venuekit/npm}"
vendor="$out/webroot/builder/vendor"
mkdir -p "$cache" "$vendor"

# tarball | registry path | sha512 (base64, as npm's dist.integrity)
packages=(
  "preact-10.29.8.tgz|preact/-/preact-10.29.8.tgz|ej2aVZ+vZ8WO7tvlQWRM9N63A0KzF9q4mWJfDUHgYaIofWY9hu74QdnQrjoPMmZi2/nZ5gN0bJCQF49xQqx09Q=="
  "htm-3.1.1.tgz|htm/-/htm-3.1.1.tgz|983Vyg8NwUE7JkZ6NmOqpCZ+sh1bKv2iYTlUkzlWmA5JD2acKoxd4KVxbMmxX/85mtfdnDmTFoNKcg5DGAvxNQ=="
  "sortablejs-1.15.7.tgz|sortablejs/-/sortablejs-1.15.7.tgz|Kk8wLQPlS+yi1ZEf48a4+fzHa4yxjC30M/Sr2AnQu+f/MPwvvX9XjZ6OWejiz8crBsLwSq8GHqaxaET7u6ux0A=="
  "axe-core-4.14.1.tgz|axe-core/-/axe-core-4.14.1.tgz|FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
  "esbuild-linux-x64-0.28.2.tgz|@esbuild/linux-x64/-/linux-x64-0.28.2.tgz|4xTZr1FUmSoQW4XIWmit3tzQrUTZM+N3P0XV8xROKYF50XfI7xeO90+1bZvNwxIufQ9hDQVRJH5YhgPVF8A/HQ=="
)
# tarball | path inside | destination (relative to vendor/, test:<path> under test classes, or
# tool:<path> under <classes-dir>/../web-tools, used by the build only)
files=(
  "preact-10.29.8.tgz|package/dist/preact.module.js|preact/preact.module.js"
  "preact-10.29.8.tgz|package/hooks/dist/hooks.module.js|preact/hooks.module.js"
  "preact-10.29.8.tgz|package/LICENSE|preact/LICENSE"
  "htm-3.1.1.tgz|package/dist/htm.module.js|htm/htm.module.js"
  "htm-3.1.1.tgz|package/LICENSE|htm/LICENSE"
  "sortablejs-1.15.7.tgz|package/modular/sortable.esm.js|sortablejs/sortable.esm.js"
  "sortablejs-1.15.7.tgz|package/LICENSE|sortablejs/LICENSE"
  "axe-core-4.14.1.tgz|package/axe.min.js|test:webtest/axe.min.js"
  "esbuild-linux-x64-0.28.2.tgz|package/bin/esbuild|tool:esbuild"
)

fail() { echo "fetch-web-libs: $*" >&2; exit 1; }
sha512() { openssl dgst -sha512 -binary "$1" | base64 -w0; }
ok() { [[ -f "$1" && "$(sha512 "$1")" == "$2" ]]; }

tarball() { # name -> a verified tarball in the cache
  local entry name path want got
  for entry in "${packages[@]}"; do
    IFS='|' read -r name path want <<<"$entry"
    [[ "$name" == "$1" ]] || continue
    if ! ok "$cache/$name" "$want"; then
      echo "fetch-web-libs: downloading https://registry.npmjs.org/$path"
      curl -sSfL --retry 2 -o "$cache/$name.part" "https://registry.npmjs.org/$path" \
        || fail "could not download $path (offline? place $name in $cache)"
      got="$(sha512 "$cache/$name.part")"
      [[ "$got" == "$want" ]] || { rm -f "$cache/$name.part"; fail "checksum mismatch for $name: expected $want, got $got (refusing to use it)"; }
      mv "$cache/$name.part" "$cache/$name"
    fi
    return 0
  done
  fail "unknown tarball $1"
}

for entry in "${files[@]}"; do
  IFS='|' read -r tgz inner dest <<<"$entry"
  if [[ "$dest" == test:* ]]; then
    [[ -n "$tests" ]] || continue
    target="$tests/${dest#test:}"
  elif [[ "$dest" == tool:* ]]; then
    # only where the binary runs (linux x86-64); elsewhere bundle-builder.sh leaves the modules unbundled
    [[ "$(uname -sm)" == "Linux x86_64" ]] || continue
    target="$(dirname "$out")/web-tools/${dest#tool:}"
  else
    target="$vendor/$dest"
  fi
  tarball "$tgz"
  # newer than the verified tarball: nothing to do
  [[ -f "$target" && "$target" -nt "$cache/$tgz" ]] && continue
  mkdir -p "$(dirname "$target")"
  tar xzf "$cache/$tgz" -O "$inner" > "$target.part" || fail "$inner not found in $tgz"
  mv "$target.part" "$target"
  if [[ "$dest" == tool:* ]]; then chmod +x "$target"; fi
done

# The browser has no package resolution and the builder's CSP allows no inline import map: point
# the hooks module's bare "preact" import at the file beside it.
sed -i 's#from"preact"#from"./preact.module.js"#; s#from "preact"#from "./preact.module.js"#' "$vendor/preact/hooks.module.js"
grep -q 'from"preact"\|from "preact"' "$vendor/preact/hooks.module.js" && fail "hooks.module.js still imports a bare 'preact'"
exit 0
