"""The film list and one film's facts, as the app reads them."""

from __future__ import annotations

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from plotguide.catalog.models import Collection, CollectionItem, Film
from tests.api.conftest import add_film, get_json

pytestmark = pytest.mark.django_db


def slugs(page: dict) -> list[str]:
    return [film["slug"] for film in page["items"]]


def test_films_are_listed_by_title_with_whether_a_story_can_be_read(client, catalogue):
    page = get_json(client, "/films")
    assert slugs(page) == [
        "empty-rooms-1999",
        "harbour-lights-1970",
        "night-train-1985",
        "the-keeper-1970",
    ]
    has_story = {film["slug"]: film["has_story"] for film in page["items"]}
    assert has_story == {
        "empty-rooms-1999": False,
        "harbour-lights-1970": True,
        "the-keeper-1970": True,
        "night-train-1985": False,
    }
    assert page["items"][3]["genres"] == [
        {"slug": "drama", "name": "Drama"},
        {"slug": "thriller", "name": "Thriller"},
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=1970", ["harbour-lights-1970", "the-keeper-1970"]),
        ("genre=thriller", ["night-train-1985", "the-keeper-1970"]),
        ("studio=nordisk-film", ["harbour-lights-1970", "the-keeper-1970"]),
        ("person=liv-ullmann", ["harbour-lights-1970", "the-keeper-1970"]),
        ("person=liv-ullmann&genre=thriller", ["the-keeper-1970"]),
        ("genre=western", []),
    ],
)
def test_filters_narrow_the_list(client, catalogue, query, expected):
    assert slugs(get_json(client, f"/films?{query}")) == expected


def test_a_bad_filter_value_names_the_field(client, catalogue):
    body = get_json(client, "/films?year=soon", status=422)
    assert body["error"]["code"] == "invalid_field"
    assert body["error"]["field"] == "year"


def test_pages_cover_every_film_once_in_a_stable_order(client, db):
    for number in range(7):
        add_film("Same Title", 2000 + number % 2)
    first = get_json(client, "/films?page_size=3")
    second = get_json(client, "/films?page_size=3&page=2")
    third = get_json(client, "/films?page_size=3&page=3")
    assert (first["count"], first["page_count"]) == (7, 3)
    assert (first["previous_page"], first["next_page"]) == (None, 2)
    assert (third["previous_page"], third["next_page"]) == (2, None)
    seen = slugs(first) + slugs(second) + slugs(third)
    assert sorted(seen) == sorted(Film.objects.values_list("slug", flat=True))
    assert len(slugs(third)) == 1
    assert get_json(client, "/films?page_size=3") == first


def test_a_page_past_the_last_is_an_error_naming_the_last_page(client, catalogue):
    body = get_json(client, "/films?page=3&page_size=2", status=404)
    assert body["error"] == {
        "code": "page_not_found",
        "message": "Page 3 does not exist; the last page is 2.",
        "field": "page",
    }


def test_an_empty_catalogue_has_one_empty_page(client, db):
    page = get_json(client, "/films")
    assert (page["items"], page["count"], page["page_count"]) == ([], 0, 1)


@pytest.mark.parametrize(
    "query", ["page=0", "page_size=0", "page_size=101", "page=-1", "page=x"]
)
def test_page_numbers_and_sizes_out_of_bounds_are_refused(client, db, query):
    body = get_json(client, f"/films?{query}", status=422)
    assert body["error"]["field"] == query.split("=")[0]


def test_a_film_shows_its_quick_facts_and_credits(client, catalogue):
    film = get_json(client, "/films/the-keeper-1970")
    assert film["title"] == "The Keeper"
    assert film["runtime_minutes"] == 104
    assert film["directors"] == [{"slug": "ingrid-holm", "name": "Ingrid Holm"}]
    assert [(c["person"]["name"], c["character"]) for c in film["cast"]] == [
        ("Liv Ullmann", "Anna Berg"),
        ("Max von Sydow", "Erik Berg"),
    ]
    assert film["studios"] == [{"slug": "nordisk-film", "name": "Nordisk Film"}]
    assert film["awards"][0]["category"] == "Best Film"
    assert film["post_credits"] == {
        "kind": "none",
        "label": "Nothing after the credits",
    }
    assert film["plot_source"]["licence"] == "CC BY-SA 4.0"
    assert film["web_url"] == "/films/the-keeper-1970/"
    assert film["has_story"] is True


def test_a_film_never_shows_database_ids_or_its_plot(client, catalogue):
    film = get_json(client, "/films/the-keeper-1970")
    text = str(film)
    assert "'id'" not in text and "'pk'" not in text
    assert "tmdb" not in text and "field_sources" not in text
    assert "Erik is rescued" not in text


def test_an_unknown_film_is_not_found(client, catalogue):
    body = get_json(client, "/films/no-such-film", status=404)
    assert body["error"] == {
        "code": "film_not_found",
        "message": "No film has the slug 'no-such-film'.",
        "field": "slug",
    }


@pytest.mark.parametrize("path", ["/films?page_size={}", "/collections?page_size={}"])
def test_a_longer_page_costs_no_more_queries(client, catalogue, path):
    for number in range(12):
        film = add_film(f"Film {number}", 2000)
        collection = Collection.objects.create(
            title=f"List {number}", slug=f"list-{number}", is_published=True
        )
        CollectionItem.objects.create(collection=collection, film=film)
    with CaptureQueriesContext(connection) as short:
        get_json(client, path.format(2))
    with CaptureQueriesContext(connection) as long:
        get_json(client, path.format(12))
    assert len(long) == len(short)


def test_a_film_and_a_person_cost_a_fixed_number_of_queries(client, catalogue):
    for path in ("/films/the-keeper-1970", "/people/liv-ullmann"):
        with CaptureQueriesContext(connection) as queries:
            get_json(client, path)
        assert len(queries) <= 12, [q["sql"] for q in queries]
