"""The film page keeps the reader's choice in what it says about other films."""

from __future__ import annotations

import html

import pytest

from plotguide.stories.models import SimilarFilm, Story
from plotguide.stories.spoilers import cutoff, parse_mode

pytestmark = pytest.mark.django_db


def test_a_similar_films_reason_naming_a_character_met_later_is_left_out(client, rush):
    data = Story.objects.get(film=rush).sections
    last = cutoff(data, parse_mode("none"))
    late = next(c["name"] for c in data["characters"] if min(c["mentions"]) > last)
    SimilarFilm.objects.filter(story__film=rush).update(
        reasons=[f"both follow {late}", "corruption"]
    )
    hidden = client.get(rush.get_absolute_url() + "?spoilers=none").content.decode()
    shown = client.get(rush.get_absolute_url() + "?spoilers=all").content.decode()
    assert f"Both follow {late}" not in hidden
    assert "Corruption" in hidden
    assert f"Both follow {late}, corruption" in shown


def test_the_quiz_asks_only_about_what_the_readers_choice_shows(client, rush):
    data = Story.objects.get(film=rush).sections
    questions = data["quiz"]["questions"]
    last = cutoff(data, parse_mode("none"))
    premise = [q["question"] for q in questions if max(q["sources"]) <= last]
    later = [q["question"] for q in questions if max(q["sources"]) > last]
    assert premise and later
    page = client.get(rush.get_absolute_url())
    assert f'href="/films/{rush.slug}/quiz/?spoilers=none"' in page.content.decode()
    for url in (f"/films/{rush.slug}/quiz/", f"/films/{rush.slug}/quiz/?spoilers=none"):
        quiz = html.unescape(client.get(url).content.decode())
        assert any(question in quiz for question in premise)
        assert not any(question in quiz for question in later)
        assert "The questions stop where your spoiler choice does." in quiz
    client.get(rush.get_absolute_url() + "?spoilers=all")  # remembered for Rush
    quiz = html.unescape(client.get(f"/films/{rush.slug}/quiz/").content.decode())
    assert all(question in quiz for question in premise + later)
