"""What each spoiler mode lets a reader see: hidden text is absent, not flagged."""

from __future__ import annotations

import copy
import json

import pytest

from plotguide.stories.spoilers import (
    SpoilerModeError,
    event_choices,
    parse_mode,
    visible_reasons,
    visible_story,
)

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


@pytest.mark.parametrize("mode", ["none", "upto:0", "upto:2"])
def test_the_event_picker_names_only_the_events_the_mode_shows(keeper, mode):
    data = keeper.story.data
    last = visible_story(data, parse_mode(mode))["visible_through_sentence"]
    labels = [label for _, label in event_choices(data, parse_mode(mode))]
    for number, (event, label) in enumerate(
        zip(data["timeline"]["events"], labels, strict=True), start=1
    ):
        cited = [
            s for line in (event["title"], *event["lines"]) for s in line["sources"]
        ]
        if max(cited) <= last:
            assert label == f"{number}. {event['title']['text']}"
        else:
            assert label == f"{number}. (a later event)"
    assert "(a later event)" in labels[-1]
    assert "Mara signals" not in " ".join(labels)


def test_a_theme_whose_evidence_comes_later_stays_hidden(keeper):
    data = keeper.story.data
    shown = visible_story(data, parse_mode("upto:0"))
    last = shown["visible_through_sentence"]
    assert [theme["name"] for theme in shown["themes"]] == [
        theme["name"]
        for theme in data["themes"]
        if any(
            line["sources"] and max(line["sources"]) <= last
            for line in theme["paragraph"]
        )
    ]
    assert "Police work" not in text_of(shown)
    assert "Police work" in text_of(visible_story(data, parse_mode("all")))


def test_a_name_the_plot_gives_a_character_only_later_stays_hidden(keeper):
    data = copy.deepcopy(keeper.story.data)
    mara = next(c for c in data["characters"] if c["name"] == "Mara Quill")
    mara["aliases"] = ["Mara", "Quill", "the Lamp Keeper"]
    data["sentences"][-1]["text"] += " Islanders call her the Lamp Keeper."
    (shown,) = [
        c
        for c in visible_story(data, parse_mode("none"))["characters"]
        if c["name"] == "Mara Quill"
    ]
    assert shown["aliases"] == ["Mara", "Quill"]
    everything = visible_story(data, parse_mode("all"))
    assert "the Lamp Keeper" in text_of(everything["characters"])


def test_a_quiz_question_whose_wrong_option_comes_later_is_left_out(keeper):
    data = copy.deepcopy(keeper.story.data)
    last = visible_story(data, parse_mode("none"))["visible_through_sentence"]
    early = [q for q in data["quiz"]["questions"] if max(q["sources"]) <= last]
    early[0]["options"] = ["Mara Quill", "Tobias Wren", "Edgar Holt", "Ada Lin"]
    assert early[0] not in visible_story(data, parse_mode("none"))["quiz"]["questions"]
    assert early[0] in visible_story(data, parse_mode("upto:2"))["quiz"]["questions"]


def test_a_similar_films_reason_naming_a_character_met_later_is_left_out(keeper):
    data = keeper.story.data
    reasons = ["both follow Edgar Holt", "keywords: lighthouse"]
    for mode in ("none", "upto:0"):
        assert visible_reasons(reasons, data, parse_mode(mode)) == reasons[1:]
    for mode in ("upto:2", "all"):
        assert visible_reasons(reasons, data, parse_mode(mode)) == reasons


@pytest.mark.parametrize("value", ["some", "upto:", "upto:x", "upto:-1", "ALL;drop"])
def test_an_unknown_mode_is_refused_with_the_valid_ones_named(value):
    with pytest.raises(SpoilerModeError, match="use 'none', 'upto:<event>'"):
        parse_mode(value)
