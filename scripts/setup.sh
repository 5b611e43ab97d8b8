#!/usr/bin/env bash
# Makes a fresh Debian machine ready: Chromium (for PDF), poppler-utils (for looking at
# pages) and the npm packages. Safe to run again; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
if [ -z "${JAARVERSLAG_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  need_apt+=(chromium)
fi
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installeren met apt-get: ${need_apt[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
  else
    echo "Ontbrekende pakketten: ${need_apt[*]}. Installeer ze met: sudo apt-get install ${need_apt[*]}" >&2
    echo "(of wijs een eigen Chromium aan met JAARVERSLAG_CHROMIUM=/pad/naar/chromium)" >&2
    exit 1
  fi
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "npm-pakketten installeren…" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
