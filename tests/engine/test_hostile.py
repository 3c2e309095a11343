"""Hostile and degenerate input gives a valid, honest story and never crashes."""

import json

import pytest

from tests.engine.plots import film


@pytest.mark.parametrize(
    "plot",
    [
        "",
        "   \n\n  ",
        "<script>alert('x')</script><b>Anna</b> finds a key. <img src=x onerror=y>",
        "Robert'); DROP TABLE films;-- finds a key. ' OR 1=1 --",
        "\x00\x01 Anna \ufffd finds a key.",
        "the end",
        "{{" * 20000 + "| title x " * 2000 + "([[Ab " * 2000 + "<ref name" * 2000,
        "<!-- {{Plot|date <script>alert(1)</script> [[Image:x.jpg|thumb",
    ],
)
def test_hostile_or_empty_plot_gives_a_valid_story(engine, plot):
    story = engine.run(film(plot))
    text = json.dumps(story.to_dict())
    assert "<script" not in text and "onerror" not in text
    assert story.report
    assert all(check.passed for check in story.report), story.failed_checks()


def test_a_plot_with_no_names_gives_an_honest_story(engine):
    story = engine.run(film("A storm hits the coast. The lighthouse goes dark."))
    assert story.characters == ()
    assert story.is_publishable
    assert story.spoiler_free.note or story.spoiler_free.lines


def test_one_sentence_plot_has_no_spoiler_free_summary(engine):
    story = engine.run(film("Anna finds a key."))
    assert story.spoiler_free.lines == ()
    assert "Not enough plot" in story.spoiler_free.note
    assert story.is_publishable


def test_a_huge_plot_is_cut_and_says_so(engine):
    sentence = "Anna walks to the market and buys bread for her brother Tom. "
    story = engine.run(film(sentence * 35_000))
    assert len(" ".join(s.text for s in story.sentences)) <= 50_000
    assert "cut" in story.notes[0]
