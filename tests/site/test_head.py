"""Every site page that answers GET answers HEAD: same status and headers, no body."""

from __future__ import annotations

import pytest

from django.urls import reverse

from plotguide.audience.models import SummaryRequest, WaitlistSignup
from plotguide.catalog.models import Collection, Credit
from plotguide.site.urls import urlpatterns


@pytest.fixture
def pages(rush) -> dict[str, list]:
    """Arguments for every named site page, from one film and its neighbours."""
    director = Credit.objects.filter(film=rush, role=Credit.DIRECTOR).first().person
    collection = Collection.objects.create(
        title="Jury films", slug="jury-films", is_published=True
    )
    signup = WaitlistSignup.objects.create(email="reader@example.org")
    return {
        "home": [],
        "film_detail": [rush.slug],
        "film_quiz": [rush.slug],
        "film_poster": [rush.slug],
        "search": [],
        "settings": [],
        "request_new": [],
        "request_status": [SummaryRequest.objects.create(title="Heat").token],
        "waitlist": [],
        "waitlist_sent": [],
        "waitlist_confirm": [signup.token],
        "waitlist_leave": [signup.token],
        "releases": [],
        "releases_year": [rush.year],
        "stories_az": [],
        "people": [],
        "person_detail": [director.slug],
        "studios": [],
        "studio_detail": [rush.studios.first().slug],
        "awards": [],
        "music": [],
        "collections": [],
        "director_collection": [director.slug],
        "decade_collection": [1990],
        "collection_detail": [collection.slug],
        "feed": [],
        "sitemap": [],
        "robots": [],
    }


def test_every_page_is_covered(pages):
    assert sorted(pages) == sorted(pattern.name for pattern in urlpatterns)


def test_head_answers_every_page_like_get_without_a_body(client, pages):
    for name, args in pages.items():
        url = reverse(f"site:{name}", args=args)
        get = client.get(url)
        head = client.head(url)
        assert head.status_code == get.status_code, url
        assert head.content == b"", url
        for header in ("Content-Type", "Content-Length", "Cache-Control", "ETag"):
            assert head.get(header) == get.get(header), (url, header)
