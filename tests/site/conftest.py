from __future__ import annotations

import pytest

from plotguide.catalog.models import Film
from plotguide.site import caching
from tests.site.factories import StoryBuilder, link_similar, make_film
from tests.site.real_films import SPOILER_TITLES, has_demo_data, import_with_stories


@pytest.fixture(scope="session")
def stories() -> StoryBuilder:
    return StoryBuilder()


@pytest.fixture(autouse=True)
def empty_cache():
    caching.clear()
    yield
    caching.clear()


@pytest.fixture
def rush(db, stories):
    """Rush (1991), published, with two similar films that have stories too."""
    film = make_film("rush")
    story = stories.publish(film)
    others = [make_film("serpico"), make_film("donnie")]
    for other in others:
        stories.publish(other)
    link_similar(story, others)
    return film


@pytest.fixture
def real_films(db, stories, tmp_path) -> list[Film]:
    """About twenty real films with the stories the real engine builds of them."""
    if not has_demo_data():
        pytest.skip("the demo data is not fetched; run `plotguide fetch`")
    return import_with_stories(tmp_path, SPOILER_TITLES, stories)
