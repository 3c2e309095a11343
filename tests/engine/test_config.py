"""EngineConfig: the caller's settings, fixed for the engine's life."""

import dataclasses

import pytest

from plotguide.engine import EngineConfig, OfflineEngine
from plotguide.engine.pipeline import DEFAULT_PIPELINE
from tests.engine.plots import film


def test_the_default_config_runs_the_whole_pipeline_and_cannot_change():
    config = EngineConfig()
    assert config.pipeline == DEFAULT_PIPELINE
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.batch_size = 1


def test_max_plot_chars_cuts_the_plot_at_a_sentence_and_says_so():
    engine = OfflineEngine(EngineConfig(max_plot_chars=40))
    plot = "Anna finds a key in the garden shed. She opens the door. Tom runs away."
    story = engine.run(film(plot))
    assert [s.text for s in story.sentences] == ["Anna finds a key in the garden shed."]
    assert "max_plot_chars" in story.notes[0]
