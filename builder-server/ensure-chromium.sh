#!/usr/bin/env bash
# The browser tests drive Debian's Chromium. The build runs this before them: nothing to do when
# it is there ($CHROMIUM or /usr/bin/chromium); otherwise install Debian's package, which needs
# root and the Debian mirror. Skipped with the tests (-DskipTests).
set -euo pipefail
browser="${CHROMIUM:-/usr/bin/chromium}"
if [[ -x "$browser" ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "The browser tests need Debian's Chromium: run 'sudo apt-get install -y chromium'" \
       "(or set CHROMIUM to a Chromium binary), then build again." >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests (once per machine)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
"$browser" --version
