"""What each spoiler mode lets a reader see: hidden text is absent, not flagged."""

from __future__ import annotations

import json

import pytest

from plotguide.errors import PlotguideError
from plotguide.stories.spoilers import event_choices, parse_mode, visible_story

ENDING = "The navy arrests Holt"


def text_of(data) -> str:
    return json.dumps(data, ensure_ascii=False)


def test_no_spoilers_shows_nothing_from_the_point_of_no_return_on(keeper):
    data = keeper.story.data
    boundary = data["timeline"]["spoiler_boundary"]
    shown = visible_story(data, parse_mode("none"))
    assert ENDING not in text_of(shown)
    for sentence in data["sentences"][boundary:]:
        assert sentence["text"] not in text_of(shown)
    assert shown["spoiler_free"]["lines"]
    assert all(not c["arc"] and c["fate"] is None for c in shown["characters"])
    assert shown["summary"]["ending"] == []


def test_up_to_an_event_hides_everything_after_it(keeper):
    data = keeper.story.data
    shown = visible_story(data, parse_mode("upto:0"))
    kept = shown["timeline"]["events"]
    assert [e["title"]["text"] for e in kept] == [
        data["timeline"]["events"][0]["title"]["text"]
    ]
    last = shown["visible_through_sentence"]
    assert all(s["id"] <= last for s in shown["sentences"])
    assert ENDING not in text_of(shown)


def test_everything_shows_the_ending(keeper):
    shown = visible_story(keeper.story.data, parse_mode("all"))
    assert ENDING in text_of(shown)
    assert shown["summary"]["ending"]


def test_the_event_picker_names_only_events_before_the_boundary(keeper):
    data = keeper.story.data
    labels = " ".join(label for _, label in event_choices(data))
    assert "(a later event)" in labels
    assert "Mara signals" not in labels


@pytest.mark.parametrize("value", ["some", "upto:", "upto:x", "upto:-1", "ALL;drop"])
def test_an_unknown_mode_is_refused_with_the_valid_ones_named(value):
    with pytest.raises(PlotguideError, match="use 'none', 'upto:<event>'"):
        parse_mode(value)
