"""Engine tests run without Django: one spaCy-backed engine for the session."""

import pytest

from plotguide.engine import EngineConfig, OfflineEngine, Story
from tests.engine.plots import GARDEN, HARBOR


@pytest.fixture(scope="session")
def engine() -> OfflineEngine:
    return OfflineEngine(EngineConfig())


@pytest.fixture(scope="session")
def harbor(engine: OfflineEngine) -> Story:
    return engine.run(HARBOR)


@pytest.fixture(scope="session")
def garden(engine: OfflineEngine) -> Story:
    return engine.run(GARDEN)
