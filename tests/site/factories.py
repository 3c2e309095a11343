"""Films with real stories for site and browser tests, built by the real engine.

The engine loads spaCy once per test session (`story_engine`); each story dict
is built once and saved again in each test's own database.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from plotguide.catalog.models import Credit, Film, Person, PostCredits, Studio
from plotguide.engine import OfflineEngine
from plotguide.stories.models import SimilarFilm, Story
from plotguide.stories.services import digest, film_text, save_story

DATA = Path(__file__).resolve().parent.parent / "data" / "site"
FILMS: dict[str, dict[str, Any]] = {
    "rush": {
        "title": "Rush",
        "year": 1991,
        "runtime_minutes": 120,
        "release_date": datetime.date(1991, 12, 22),
        "directors": ["Lili Fini Zanuck"],
        "studios": ["Metro-Goldwyn-Mayer"],
        "cast": [
            ("Jason Patric", "Jim Raynor"),
            ("Jennifer Jason Leigh", "Kristen Cates"),
            ("Sam Elliott", "Larry Dodd"),
            ("Gregg Allman", "Will Gaines"),
        ],
    },
    "serpico": {
        "title": "Serpico",
        "year": 1973,
        "directors": ["Sidney Lumet"],
        "studios": ["Paramount Pictures"],
        "cast": [("Al Pacino", "Frank Serpico"), ("Tony Roberts", "Bob Blair")],
    },
    "donnie": {
        "title": "Donnie Brasco",
        "year": 1997,
        "directors": ["Mike Newell"],
        "studios": ["TriStar Pictures"],
        "cast": [("Johnny Depp", "Joseph Pistone"), ("Al Pacino", "Lefty Ruggiero")],
    },
}
RUSH_ENDING = "killed by a shotgun blast"


def make_film(name: str, **changes: Any) -> Film:
    """Create one of the test films with its credits, studios and plot source."""
    spec = {**FILMS[name], **changes}
    film = Film.objects.create(
        title=spec["title"],
        year=spec["year"],
        runtime_minutes=spec.get("runtime_minutes"),
        release_date=spec.get("release_date"),
        plot=(DATA / f"{name}.txt").read_text(),
        plot_source_name="Wikipedia",
        plot_source_url="https://en.wikipedia.org/wiki/" + spec["title"],
        plot_licence="CC BY-SA 4.0",
    )
    for order, (actor, character) in enumerate(spec["cast"]):
        person, _ = Person.objects.get_or_create_named(actor)
        Credit.objects.create(
            film=film, person=person, role=Credit.CAST, character=character, order=order
        )
    for director in spec["directors"]:
        person, _ = Person.objects.get_or_create_named(director)
        Credit.objects.create(film=film, person=person, role=Credit.DIRECTOR)
    for name_ in spec["studios"]:
        studio, _ = Studio.objects.get_or_create_named(name_)
        film.studios.add(studio)
    if spec.get("post_credits"):
        PostCredits.objects.create(
            film=film, kind=spec["post_credits"], source="test metadata"
        )
    return film


class StoryBuilder:
    """Build stories with one engine for the whole session, remembering each dict."""

    def __init__(self) -> None:
        self.engine = OfflineEngine()
        self.built: dict[str, dict[str, Any]] = {}

    def publish(self, film: Film) -> Story:
        text = film_text(Film.objects.get(pk=film.pk))
        plot_digest = digest(text)
        if plot_digest not in self.built:
            self.built[plot_digest] = self.engine.run(text).to_dict()
        story = save_story(film, self.built[plot_digest], plot_digest, publish=True)
        if story.status != Story.PUBLISHED:
            story.status = Story.PUBLISHED
            story.save()
        return story


def link_similar(story: Story, films: list[Film]) -> None:
    """Record films as similar to a story, with short reasons."""
    for rank, film in enumerate(films):
        SimilarFilm.objects.create(
            story=story,
            film=film,
            rank=rank,
            score=0.9 - rank / 10,
            reasons=["undercover police", "corruption"],
        )
