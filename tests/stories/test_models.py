"""Rules about stories live on their models: what is published, and moving there."""

from __future__ import annotations

from plotguide.audience.models import SummaryRequest
from plotguide.audience.services import request_summary
from plotguide.catalog.models import Film
from plotguide.stories.models import SimilarFilm, Story
from tests.stories.conftest import KEEPER_PLOT, add_film, build


def published_titles() -> tuple[set[str], set[str]]:
    return (
        set(Film.objects.with_published_story().values_list("title", flat=True)),
        set(Story.objects.published().values_list("film__title", flat=True)),
    )


def test_publishing_a_draft_shows_it_and_closes_the_request_for_it(
    db, engine, django_capture_on_commit_callbacks
):
    film = add_film("Draft Keeper", KEEPER_PLOT)
    build(engine, film)
    request = request_summary("Draft Keeper", 2011)
    story = Story.objects.get(film=film)
    assert published_titles() == (set(), set())

    with django_capture_on_commit_callbacks(execute=True):
        story.publish()

    assert published_titles() == ({"Draft Keeper"}, {"Draft Keeper"})
    assert story.published_at is not None
    request.refresh_from_db()
    assert request.status == SummaryRequest.PUBLISHED


def test_back_to_draft_hides_a_story_but_keeps_when_it_was_first_published(keeper):
    first = keeper.story.published_at
    assert Story.objects.filter(film=keeper).move_to(Story.DRAFT) == 1
    assert published_titles() == (set(), set())
    assert Story.objects.filter(film=keeper).move_to(Story.DRAFT) == 0
    Story.objects.get(film=keeper).publish()
    assert Story.objects.get(film=keeper).published_at == first


def test_a_similar_film_is_followed_only_while_its_story_is_published(keeper, engine):
    other = add_film("Keeper Again", KEEPER_PLOT + " Mara retires.", year=2012)
    build(engine, other, publish=True)
    links = SimilarFilm.objects.filter(story=keeper.story)
    assert [link.film for link in links.with_published_story()] == [other]
    Story.objects.get(film=other).move_to(Story.DRAFT)
    assert not links.with_published_story().exists()
