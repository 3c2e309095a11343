"""Film cards in lists: poster, year, genres and one whole sentence of premise."""

from __future__ import annotations

import re

import pytest

from plotguide.catalog.models import Film, Genre
from plotguide.site.cards import first_sentence
from plotguide.stories.models import Story
from tests.site.factories import RUSH_ENDING


def card(html: str, title: str) -> str:
    """Return the first card of the film with this title."""
    cards = re.findall(r'<li class="film-card">.*?</li>', html, re.S)
    return next(c for c in cards if f">{title}</a>" in c)


def test_a_published_films_card_has_its_poster_genres_and_a_spoiler_free_line(
    client, rush
):
    rush.genres.add(
        *(Genre.objects.get_or_create_named(n)[0] for n in ("Crime", "Drama"))
    )
    html = client.get("/").content.decode()
    rush_card = card(html, "Rush")
    line = Story.objects.get(film=rush).sections["spoiler_free"]["lines"][0]["text"]
    assert f'src="/films/{rush.slug}/poster.svg"' in rush_card
    assert "1991 · Crime, Drama" in rush_card
    assert f'<p class="premise-line">{first_sentence(line)}</p>' in rush_card
    assert RUSH_ENDING not in html


@pytest.mark.django_db
def test_a_film_without_a_story_shows_the_first_sentence_of_its_premise(client):
    Film.objects.create(
        title="Jaws",
        year=1975,
        popularity=50.0,
        overview="An insatiable great white shark terrorizes the townspeople of "
        "Amity Island. The police chief, an oceanographer and a grizzled shark "
        "hunter seek to destroy the beast.",
    )
    jaws = card(client.get("/").content.decode(), "Jaws")
    assert "terrorizes the townspeople of Amity Island.</p>" in jaws
    assert "oceanographer" not in jaws
    assert "premise and cast" in jaws


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (
            "Dr. Strangelove meets Gen. Ripper. Then more.",
            "Dr. Strangelove meets Gen. Ripper.",
        ),
        ('He says "Go." Then he leaves.', 'He says "Go."'),
        (
            "In the U.S. Army, J. R. Smith works. Later.",
            "In the U.S. Army, J. R. Smith works.",
        ),
        ("A man waits... for a bus. Then.", "A man waits... for a bus."),
        ("One sentence without an end", "One sentence without an end"),
    ],
)
def test_a_premise_line_is_a_whole_sentence(text, sentence):
    assert first_sentence(text) == sentence
