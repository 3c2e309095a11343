#!/usr/bin/env bash
# The main job on a fresh machine: install, import real data, build stories, serve the site.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/plotguide demo "$@"
