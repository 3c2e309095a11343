"""One real llama-cpp-python server for the `llm` tests of the session.

Where scripts/llm_setup.sh has not run, the tests skip, unless
PLOTGUIDE_REQUIRE_LLM=1 (scripts/test.sh sets it, so CI never skips them).
"""

import os
from collections.abc import Iterator

import pytest

from plotguide.engine import EngineConfig, OfflineEngine
from tests.llm.local_server import LlamaServer, is_installed


@pytest.fixture(scope="session")
def engine() -> OfflineEngine:
    return OfflineEngine(EngineConfig())


@pytest.fixture(scope="session")
def llama_server() -> Iterator[LlamaServer]:
    if not is_installed() and os.environ.get("PLOTGUIDE_REQUIRE_LLM") != "1":
        pytest.skip("no local model server; run `bash scripts/llm_setup.sh`")
    with LlamaServer() as server:
        yield server
