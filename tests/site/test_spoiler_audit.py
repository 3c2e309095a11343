"""Outside the film page, real films keep what is past the boundary to themselves.

The API in "No spoilers" and "Up to where I stopped", and the pages a film
shows up on without a choice (the feed, search, the hubs, the API's facts and
search), are read whole and checked against the strings the stored story puts
past the boundary
(`tests/site/spoiler_audit.py`, which never calls the site's spoiler code).
The film page itself is audited in a browser: tests/browser/test_spoiler_audit.py.
"""

from __future__ import annotations

import html
import re

import pytest

from plotguide.stories.models import Story
from tests.site.spoiler_audit import (
    boundary,
    find_leaks,
    forbidden_strings,
    json_strings,
    middle_event,
)

pytestmark = pytest.mark.realdata
SENTENCE_KINDS = ("sentence", "line", "question")


def page_texts(client, url: str) -> list[str]:
    """Return a page's markup and its text, entities decoded."""
    response = client.get(url)
    assert response.status_code == 200, url
    markup = html.unescape(response.content.decode())
    return [markup, html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))]


def test_the_api_in_restricted_modes_holds_nothing_past_the_boundary(
    client, real_films
):
    leaks, checked = [], 0
    for film in real_films:
        data = Story.objects.get(film=film).sections
        for mode in ("none", f"upto:{middle_event(data)}"):
            forbidden = forbidden_strings(data, boundary(data, mode))
            checked += len(forbidden)
            for resource in ("story", "similar", "quiz"):
                path = f"{resource}?spoilers={mode}"
                response = client.get(f"/api/v1/films/{film.slug}/{path}")
                assert response.status_code == 200, response.content
                answer = response.json()
                if resource == "similar":
                    # Other films' titles ("Alice in Wonderland" beside 3:10 to
                    # Yuma's Alice) are not this story's; the reasons are.
                    answer = [item["reasons"] for item in answer]
                leaks += [
                    f"{film} {mode} {path}: {leak}"
                    for leak in find_leaks(forbidden, json_strings(answer))
                ]
    assert leaks == [], "\n".join(leaks)
    assert checked > 20 * 20


def test_the_feed_search_hubs_and_film_facts_hold_nothing_past_the_premise(
    client, real_films
):
    shared = [
        text
        for url in ("/feed/", "/", "/stories/", "/releases/")
        for text in page_texts(client, url)
    ]
    leaks = []
    for film in real_films:
        data = Story.objects.get(film=film).sections
        forbidden = forbidden_strings(data, boundary(data, "none"))
        assert forbidden, film
        search = page_texts(client, f"/search/?q={film.title}")
        # Lists name other films' characters and people ("Harry", "Melanie
        # Brown" when searching for Jackie Brown): names are looked for in
        # the API's story and the film page (tests/browser), not in lists.
        leaks += [
            f"{film}: {leak}" for leak in find_leaks(forbidden, [], [*search, *shared])
        ]
        # The API's facts and search are the catalogue's: credited characters
        # and TMDB's premise, whose place names ("Radiator Springs") can match
        # a short event title. The story's sentences and lines stay out.
        catalogue = [
            *json_strings(client.get(f"/api/v1/films/{film.slug}").json()),
            *json_strings(client.get("/api/v1/search", {"q": film.title}).json()),
        ]
        sentences = [item for item in forbidden if item.kind in SENTENCE_KINDS]
        leaks += [f"{film} API: {leak}" for leak in find_leaks(sentences, catalogue)]
    assert leaks == [], "\n".join(leaks)
