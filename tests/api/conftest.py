"""A small catalogue for the API tests: three films with stories, one without.

The stories are the real engine's work on the plots in tests/api/stories.py,
generated once per test run and saved again into each test's database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from django.core.cache import cache
from django.db import transaction
from django.test import Client

from plotguide.catalog.models import (
    Award,
    Collection,
    CollectionItem,
    Credit,
    Film,
    Genre,
    Person,
    PostCredits,
    Studio,
)
from plotguide.stories.models import Story
from plotguide.stories.services import build_stories
from plotguide.stories.similarity import refresh_similar_films
from tests.api.stories import DRAFT_PLOT, HARBOUR_PLOT, KEEPER_PLOT

API = "/api/v1"


@dataclass
class Catalogue:
    keeper: Film
    harbour: Film
    draft: Film
    bare: Film


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and cached bodies live in the cache; each test starts clean."""
    cache.clear()
    yield
    cache.clear()


def get_json(client: Client, path: str, status: int = 200, **params: Any) -> Any:
    response = client.get(API + path, params)
    assert response.status_code == status, response.content
    return response.json()


def post_json(client: Client, path: str, body: Any, status: int = 200) -> Any:
    response = client.post(API + path, body, content_type="application/json")
    assert response.status_code == status, response.content
    return response.json()


def add_film(title: str, year: int, plot: str = "", **fields: Any) -> Film:
    return Film.objects.create(title=title, year=year, plot=plot, **fields)


def credit(film: Film, name: str, role: str, character: str = "", order: int = 0):
    person, _ = Person.objects.get_or_create_named(name)
    Credit.objects.create(
        film=film, person=person, role=role, character=character, order=order
    )


def publish(film: Film, data: dict[str, Any], status: str = Story.PUBLISHED) -> Story:
    return Story.objects.create(
        film=film,
        engine=data["engine"],
        engine_version=data["engine_version"],
        data=data,
        report=data["report"],
        is_faithful=True,
        status=status,
        plot_digest="test",
    )


PLOTS = {
    ("The Keeper", 1970): KEEPER_PLOT,
    ("Harbour Lights", 1970): HARBOUR_PLOT,
    ("Night Train", 1985): DRAFT_PLOT,
}


@pytest.fixture(scope="session")
def generated(django_db_setup, django_db_blocker) -> dict[str, dict[str, Any]]:
    """Return the engine's story of each test plot by film slug.

    The films are made and the stories generated in a transaction that is
    rolled back, so spaCy loads once and no test sees these rows.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        films = [add_film(title, year, plot) for (title, year), plot in PLOTS.items()]
        report = build_stories(
            Film.objects.filter(pk__in=[film.pk for film in films]), publish=True
        )
        assert report.published == len(films), report.summary()
        stories = {
            story.film.slug: story.data
            for story in Story.objects.select_related("film")
        }
        transaction.set_rollback(True)
    return stories


@pytest.fixture
def catalogue(db, generated) -> Catalogue:
    drama, _ = Genre.objects.get_or_create_named("Drama")
    thriller, _ = Genre.objects.get_or_create_named("Thriller")
    nordisk, _ = Studio.objects.get_or_create_named("Nordisk Film")
    keeper = add_film(
        "The Keeper",
        1970,
        KEEPER_PLOT,
        runtime_minutes=104,
        overview="A lighthouse keeper shelters her brother.",
        plot_source_name="Wikipedia",
        plot_source_url="https://en.wikipedia.org/wiki/The_Keeper",
        plot_licence="CC BY-SA 4.0",
        imdb_id="tt0000001",
        tmdb_id=101,
    )
    harbour = add_film("Harbour Lights", 1970, HARBOUR_PLOT)
    draft = add_film("Night Train", 1985, DRAFT_PLOT)
    bare = add_film("Empty Rooms", 1999)
    keeper.genres.add(drama, thriller)
    harbour.genres.add(drama)
    draft.genres.add(thriller)
    keeper.studios.add(nordisk)
    harbour.studios.add(nordisk)
    credit(keeper, "Liv Ullmann", Credit.CAST, "Anna Berg", 0)
    credit(keeper, "Max von Sydow", Credit.CAST, "Erik Berg", 1)
    credit(keeper, "Ingrid Holm", Credit.DIRECTOR)
    credit(harbour, "Liv Ullmann", Credit.CAST, "Sofie Lund", 0)
    Award.objects.create(
        film=keeper,
        ceremony="Bodil Awards",
        year=1971,
        category="Best Film",
        outcome=Award.WON,
    )
    PostCredits.objects.create(film=keeper, kind=PostCredits.NONE, source="TMDB")
    publish(keeper, generated[keeper.slug])
    publish(harbour, generated[harbour.slug])
    publish(draft, generated[draft.slug], status=Story.REVIEWED)
    refresh_similar_films(Story.objects.all())
    islands = Collection.objects.create(
        title="Island films", slug="island-films", is_published=True
    )
    CollectionItem.objects.create(collection=islands, film=keeper, position=1)
    CollectionItem.objects.create(
        collection=islands, film=harbour, position=2, note="Not an island."
    )
    hidden = Collection.objects.create(title="Hidden list", slug="hidden-list")
    CollectionItem.objects.create(collection=hidden, film=draft, position=1)
    return Catalogue(keeper=keeper, harbour=harbour, draft=draft, bare=bare)
