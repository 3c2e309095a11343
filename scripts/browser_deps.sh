#!/usr/bin/env bash
# What the tests and benches need from outside Python: Debian's Chromium, wrk,
# nginx and Redis (for the Celery worker test), and axe-core in ~/.cache/plotguide/npm
# (never in the repository). Safe to rerun; installs only what is missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
NPM_PREFIX="${XDG_CACHE_HOME:-$HOME/.cache}/plotguide/npm"
if [ ! -f "$NPM_PREFIX/node_modules/axe-core/axe.min.js" ]; then
  command -v npm >/dev/null || {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  }
  echo "Installing axe-core into $NPM_PREFIX…" >&2
  mkdir -p "$NPM_PREFIX"
  npm install --silent --no-audit --no-fund --prefix "$NPM_PREFIX" axe-core
fi
