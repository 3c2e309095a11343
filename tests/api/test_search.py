"""The search box, as the app calls it."""

from __future__ import annotations

import pytest

from tests.api.conftest import API, get_json

pytestmark = pytest.mark.django_db


def test_a_misspelt_title_finds_the_film_with_its_api_address(client, catalogue):
    body = get_json(client, "/search?q=the+keepr")
    first = body["results"][0]
    assert (first["kind"], first["slug"], first["label"]) == (
        "film",
        "the-keeper-1970",
        "The Keeper",
    )
    assert first["api_url"] == "/api/v1/films/the-keeper-1970"
    assert "id" not in first


def test_people_and_characters_are_found_too(client, catalogue):
    results = get_json(client, "/search?q=liv+ullmann")["results"]
    assert results[0]["kind"] == "person"
    assert results[0]["api_url"] == "/api/v1/people/liv-ullmann"
    characters = get_json(client, "/search?q=sofie+lund")["results"]
    assert (characters[0]["kind"], characters[0]["slug"]) == (
        "character",
        "harbour-lights-1970",
    )


@pytest.mark.parametrize("query", ["", "?q=", f"?q={'x' * 201}"])
def test_an_empty_or_huge_query_is_refused(client, db, query):
    body = get_json(client, f"/search{query}", status=422)
    assert body["error"]["field"] == "q"


def test_hostile_queries_find_nothing_and_break_nothing(client, catalogue):
    for query in ("'; DROP TABLE catalog_film; --", "<script>", '"', "*", "\u0000"):
        assert get_json(client, "/search", q=query)["results"] == []


def test_searching_too_fast_is_rate_limited(client, catalogue, settings):
    settings.PLOTGUIDE_RATE_LIMITS = {"search": (2, 60)}
    get_json(client, "/search?q=keeper")
    get_json(client, "/search?q=keeper")
    response = client.get(API + "/search?q=keeper")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert int(response["Retry-After"]) >= 1
