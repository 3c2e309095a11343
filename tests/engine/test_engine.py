import pytest

from plotguide.engine import (
    EngineConfig,
    OfflineEngine,
)
from tests.engine.plots import GARDEN, HARBOR


def test_same_input_gives_the_same_story(engine, harbor):
    assert engine.run(HARBOR).to_dict() == harbor.to_dict()


def test_run_many_keeps_input_order(engine, harbor, garden):
    stories = list(engine.run_many([GARDEN, HARBOR]))
    assert [s.title for s in stories] == ["The Glasshouse", "The Harbor Ledger"]
    assert stories[1].to_dict() == harbor.to_dict()


def test_engine_reports_a_missing_model():
    from plotguide.engine import ModelError

    with pytest.raises(ModelError, match="cannot load"):
        OfflineEngine(EngineConfig(spacy_model="no_such_model_xx"))
