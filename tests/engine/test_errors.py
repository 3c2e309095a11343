"""Engine errors: one hierarchy, so a caller can catch every engine failure at once."""

import pytest

from plotguide.engine import (
    EngineError,
    FilmText,
    FilmTextError,
    PipelineError,
    StoryFormatError,
)
from plotguide.engine.doc import StoryDoc
from plotguide.engine.errors import ComponentError
from plotguide.engine.pipeline import build_pipeline
from plotguide.engine.serialize import story_from_plain
from plotguide.engine.summary import build_summary
from tests.engine.plots import film


def test_each_kind_of_failure_is_an_engine_error_that_says_what_to_do():
    failures = [
        (lambda: FilmText("Rush", 1991, None), FilmTextError, "must be a string"),
        (lambda: build_pipeline(("themse",)), PipelineError, "Did you mean"),
        (lambda: story_from_plain({}), StoryFormatError, "Regenerate the story"),
    ]
    for fail, kind, remedy in failures:
        with pytest.raises(EngineError, match=remedy) as caught:
            fail()
        assert isinstance(caught.value, kind)


def test_bad_input_is_also_a_value_error_for_callers_that_catch_those():
    with pytest.raises(ValueError):
        FilmText("Rush", 1991, None)
    with pytest.raises(ValueError):
        story_from_plain({"format_version": 0})


def test_a_component_run_before_what_it_needs_names_itself_and_the_fix():
    doc = StoryDoc(film=film("Anna finds a key."), parsed=(), sentences=())
    with pytest.raises(ComponentError, match="'summary' needs the timeline"):
        build_summary(doc)
