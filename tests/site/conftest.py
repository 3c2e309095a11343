from __future__ import annotations

import pytest

from plotguide.site import caching
from tests.site.factories import StoryBuilder, link_similar, make_film


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
