"""The timeline's lines, the characters' arcs and the themes' paragraphs, written.

Against the scripted server on loopback: a faithful answer is kept and recorded
as the writer's; a sentence the checks reject is dropped and the offline text
stays; nothing they cite past the boundary reaches the spoiler-free summary.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace

import pytest

from plotguide.engine import OfflineEngine
from plotguide.engine.story import DERIVED
from plotguide.engine.validators import iter_lines
from plotguide.engine.writer import WRITER_NAME
from plotguide.stories.spoilers import parse_mode, visible_story
from tests.engine.plots import HARBOR, HARBOR_PLOT
from tests.engine.writer.server import chat_reply, content, faithful, faithful_answer
from tests.engine.writer.test_engine import author, writer

# Okafor nearly dies: a sentence that drops "nearly" states a fate the plot denies.
NEARLY = replace(
    HARBOR,
    plot=HARBOR_PLOT.replace(
        "spends two days in the hospital", "nearly dies in the hospital"
    ),
)
# Lena Marsh and Boston are in no sentence that names Vance.
BOSTON = "Nora Vance meets Lena Marsh in Boston."
ASKS = {
    "characters": "For each character",
    "themes": "For each theme",
    "timeline": "For each timeline event",
}


def for_section(section: str, change):
    """Answer faithfully, but change the answer to section's request."""

    def behave(body):
        answer = faithful_answer(body)
        if body["messages"][1]["content"].startswith(ASKS[section]):
            answer = change(answer)
        return 200, {}, chat_reply(json.dumps(answer))

    return behave


def first_arc(*sentences: dict):
    """Change the first character's arc to sentences."""

    def change(answer):
        first = answer["characters"][0]
        answer["characters"][0] = {**first, "arc": list(sentences)}
        return answer

    return change


def first_theme(*sentences: dict):
    def change(answer):
        answer["themes"][0] = {**answer["themes"][0], "paragraph": list(sentences)}
        return answer

    return change


def test_faithful_lines_arcs_and_theme_paragraphs_are_the_writers(
    engine, server, harbor
):
    story = writer(engine, server, sections=("timeline", "characters", "themes")).run(
        HARBOR
    )

    assert story.is_publishable
    for name in ("timeline", "characters", "themes"):
        assert author(story, name).engine == WRITER_NAME
    assert author(story, "summary").engine == "plotguide-offline"
    assert all(e.lines[0].kind == DERIVED for e in story.timeline.events)
    vance = story.characters[0]
    assert vance.arc[0].kind == DERIVED and vance.arc != harbor.characters[0].arc
    assert story.themes[0].paragraph != harbor.themes[0].paragraph
    assert story.summary == harbor.summary


@pytest.mark.parametrize(
    ("section", "change", "invented", "why"),
    [
        (
            "characters",
            first_arc(
                {"text": "Nora Vance meets Lena Marsh in Boston.", "sources": [1]}
            ),
            "Nora Vance meets Lena Marsh in Boston.",
            "'meets', 'Lena', 'Marsh', 'Boston' not in sentences [0]",
        ),
        (
            "themes",
            first_theme({"text": "Vance is not a homicide detective.", "sources": [1]}),
            "Vance is not a homicide detective.",
            "adds 'not', which its sources lack",
        ),
    ],
)
def test_an_arc_or_theme_sentence_the_checks_reject_leaves_the_offline_text(
    engine, server, harbor, caplog, section, change, invented, why
):
    server.default = for_section(section, change)

    with caplog.at_level(logging.INFO, logger="plotguide.engine.writer"):
        story = writer(engine, server, sections=(section,)).run(HARBOR)

    assert f"dropped {invented!r} citing [0]: " in caplog.text
    assert why in caplog.text
    assert invented not in [line.text for _, line in iter_lines(story)]
    assert story.is_publishable
    if section == "characters":
        # Vance's only sentence was dropped: hers stays the offline arc, and
        # the others' arcs are written.
        assert story.characters[0] == harbor.characters[0]
        assert story.characters[1].arc != harbor.characters[1].arc
    else:
        assert story.themes == harbor.themes  # the only theme's only sentence
    assert author(story, section).written_count > author(story, section).kept_count


def test_an_arc_that_drops_nearly_is_dropped(engine, server, caplog):
    offline = engine.run(NEARLY)
    okafor = next(n for n, c in enumerate(offline.characters) if c.name == "Sam Okafor")
    dying = next(s.id for s in offline.sentences if "nearly dies" in s.text)
    fate = {
        "text": "Okafor is attacked and dies in the hospital.",
        "sources": [dying + 1],
    }

    def change(answer):
        for item in answer["characters"]:
            if item["character"] == okafor + 1:
                item["arc"] = [fate, *item["arc"]]
        return answer

    server.default = for_section("characters", change)

    with caplog.at_level(logging.INFO, logger="plotguide.engine.writer"):
        story = writer(engine, server, sections=("characters",)).run(NEARLY)

    assert "states a fate its sources qualify with 'nearly'" in caplog.text
    assert fate["text"] not in json.dumps(story.to_dict())
    assert author(story, "characters").engine == WRITER_NAME
    assert story.is_publishable


def test_an_event_line_from_another_event_is_dropped_and_the_offline_line_stays(
    engine, server, harbor
):
    events = harbor.timeline.events
    later = events[3].lines[0]

    def change(answer):
        answer["events"][0]["line"] = {
            "text": later.text,
            "sources": [i + 1 for i in later.sources],
        }
        return answer

    server.default = for_section("timeline", change)

    story = writer(engine, server, sections=("timeline",)).run(HARBOR)

    assert story.is_publishable
    assert story.timeline.events[0].lines == events[0].lines
    assert story.timeline.events[1].lines != events[1].lines  # written
    timeline = author(story, "timeline")
    assert timeline.engine == WRITER_NAME
    assert timeline.kept_count == timeline.written_count - 1


def test_arcs_and_themes_past_the_boundary_never_reach_the_spoiler_free_page(
    engine: OfflineEngine, server, harbor
):
    boundary = harbor.timeline.spoiler_boundary
    arrest = next(s for s in harbor.sentences if s.text.startswith("Vance arrests"))
    assert arrest.id >= boundary
    late = {"text": arrest.text, "sources": [arrest.id + 1]}

    def both(body):
        ask = body["messages"][1]["content"]
        if ask.startswith(ASKS["characters"]):
            return for_section("characters", first_arc(late))(body)
        if ask.startswith(ASKS["themes"]):
            return for_section("themes", first_theme(late))(body)
        return faithful(body)

    server.default = both

    story = writer(engine, server).run(HARBOR)

    assert story.is_publishable
    assert story.characters[0].arc[0].text == arrest.text  # written, kept
    assert story.themes[0].paragraph[0].text == arrest.text
    assert all(i < boundary for line in story.spoiler_free.lines for i in line.sources)
    assert arrest.text not in json.dumps(
        visible_story(story.to_dict(), parse_mode("none"))
    )
    assert arrest.text not in json.dumps(
        visible_story(story.to_dict(), parse_mode("upto:0"))
    )


@pytest.mark.parametrize("section", ["timeline", "characters", "themes"])
def test_malformed_json_falls_back_to_the_offline_section(
    engine, server, harbor, section
):
    def broken(body):
        if body["messages"][1]["content"].startswith(ASKS[section]):
            return content('{"' + section + '": [{"oops')(body)
        return faithful(body)

    server.default = broken

    story = writer(engine, server).run(HARBOR)

    assert story.is_publishable
    assert author(story, section).engine == "plotguide-offline"
    assert "not JSON" in author(story, section).note
    offline = {
        "timeline": harbor.timeline,
        "characters": harbor.characters,
        "themes": harbor.themes,
    }
    assert getattr(story, section) == offline[section]
    assert author(story, "summary").engine == WRITER_NAME
