"""The hand-written story lookup agrees with Story.objects.published()."""

from __future__ import annotations

import itertools

import pytest

from plotguide.api.errors import ApiError
from plotguide.api.queries import story_stamp
from plotguide.stories.models import Story

pytestmark = pytest.mark.django_db


def test_the_story_stamp_finds_exactly_the_published_stories(catalogue):
    story = catalogue.keeper.story
    slug = catalogue.keeper.slug
    for status, is_faithful in itertools.product(
        [status for status, _ in Story.STATUSES], [True, False]
    ):
        Story.objects.filter(pk=story.pk).update(status=status, is_faithful=is_faithful)
        published = Story.objects.published().filter(film__slug=slug).exists()
        try:
            stamps = story_stamp(slug)
        except ApiError as error:
            assert not published, error.message
            assert error.code == "story_not_found"
        else:
            assert published
            story.refresh_from_db()
            assert stamps == (story.updated_at, story.film.updated_at)
