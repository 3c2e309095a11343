"""People, studios, collections and the catalogue's meta data."""

from __future__ import annotations

import pytest

from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


def test_a_person_lists_every_credit_with_the_film(client, catalogue):
    person = get_json(client, "/people/liv-ullmann")
    assert person["name"] == "Liv Ullmann"
    assert [
        (c["film"]["slug"], c["role"], c["character"]) for c in person["credits"]
    ] == [
        ("harbour-lights-1970", "cast", "Sofie Lund"),
        ("the-keeper-1970", "cast", "Anna Berg"),
    ]


def test_a_studio_counts_its_films_and_points_to_their_pages(client, catalogue):
    studio = get_json(client, "/studios/nordisk-film")
    assert studio == {
        "slug": "nordisk-film",
        "name": "Nordisk Film",
        "film_count": 2,
        "films_url": "/api/v1/films?studio=nordisk-film",
    }
    films = get_json(client, studio["films_url"].removeprefix("/api/v1"))
    assert films["count"] == 2


@pytest.mark.parametrize(
    ("path", "code"),
    [("/people/nobody", "person_not_found"), ("/studios/none", "studio_not_found")],
)
def test_unknown_people_and_studios_are_not_found(client, catalogue, path, code):
    assert get_json(client, path, status=404)["error"]["code"] == code


def test_only_published_collections_are_listed_with_films_in_order(client, catalogue):
    page = get_json(client, "/collections")
    assert [c["slug"] for c in page["items"]] == ["island-films"]
    items = page["items"][0]["items"]
    assert [(i["position"], i["film"]["slug"], i["note"]) for i in items] == [
        (1, "the-keeper-1970", ""),
        (2, "harbour-lights-1970", "Not an island."),
    ]


def test_meta_gives_the_version_and_catalogue_size(client, catalogue):
    meta = get_json(client, "/meta")
    assert meta["api_version"] == "1"
    assert (meta["film_count"], meta["story_count"]) == (4, 2)
    assert meta["last_update"] is not None
