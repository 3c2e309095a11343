"""The built-in components: importing the engine registers every default section."""

from plotguide.engine import components  # noqa: F401
from plotguide.engine.doc import NOT_SECTIONS, StoryDoc
from plotguide.engine.pipeline import DEFAULT_PIPELINE
from plotguide.engine.registry import REGISTRY


def test_every_default_section_is_registered_and_fills_a_story_field():
    assert set(DEFAULT_PIPELINE) <= set(REGISTRY)
    sections = set(StoryDoc.__dataclass_fields__) - set(NOT_SECTIONS)
    assert {REGISTRY[name].produces for name in DEFAULT_PIPELINE} == sections
