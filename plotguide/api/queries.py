"""The querysets the API reads, each with what its schema needs prefetched."""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from typing import NoReturn

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from plotguide.api.errors import ApiError
from plotguide.catalog.models import Film, credits_with_people
from plotguide.stories.models import Story

# The slug is unique, so ordering by it last makes every page boundary stable.
FILM_ORDER = ("title_key", "year", "slug")


def films() -> QuerySet[Film]:
    """Return films in a stable order, each knowing whether its story is published."""
    published = Story.objects.published().filter(film=OuterRef("pk"))
    return (
        Film.objects.annotate(has_story=Exists(published))
        .prefetch_related("genres")
        .order_by(*FILM_ORDER)
    )


def film_prefetch(lookup: str) -> Prefetch:
    """Prefetch the films behind a relation, shaped for FilmSummary."""
    return Prefetch(lookup, queryset=films())


def film_detail(slug: str) -> Film:
    """Return one film with everything FilmOut shows, or a film_not_found error."""
    film = (
        films()
        .select_related("post_credits")
        .prefetch_related(
            credits_with_people(),
            "studios",
            "keywords",
            "awards",
        )
        .filter(slug=slug)
        .first()
    )
    if film is None:
        raise ApiError("film_not_found", f"No film has the slug {slug!r}.", "slug")
    return film


def published_story(slug: str) -> Story:
    """Return a film's published story; a draft or reviewed one is not found."""
    story = Story.objects.published().select_related("film").filter(film__slug=slug)
    return story.first() or missing_story(slug)


def story_stamp(slug: str) -> tuple[datetime, datetime]:
    """Return when a film's published story and the film itself last changed.

    The hot path of every story read, so it is one hand-written join instead
    of a queryset: building the queryset cost 25 times the query itself. The
    condition is Story.objects.published()'s, status = published.
    """
    with connection.cursor() as cursor:
        cursor.execute(stamp_sql(), [slug, Story.PUBLISHED])
        stamps = cursor.fetchone()
    if stamps is None:
        missing_story(slug)
    return aware(stamps[0]), aware(stamps[1])


@functools.cache
def stamp_sql() -> str:
    story, film = Story._meta, Film._meta
    return (
        f"SELECT s.updated_at, f.updated_at FROM {story.db_table} s "
        f"JOIN {film.db_table} f ON f.{film.pk.column} = s.film_id "
        "WHERE f.slug = %s AND s.status = %s"
    )


def aware(moment: datetime) -> datetime:
    """Return a database timestamp as UTC; SQLite's come back without a zone."""
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=UTC)


def missing_story(slug: str) -> NoReturn:
    """Raise the error for a film without a published story, or without a film."""
    if not Film.objects.filter(slug=slug).exists():
        raise ApiError("film_not_found", f"No film has the slug {slug!r}.", "slug")
    raise ApiError(
        "story_not_found",
        f"The film {slug!r} has no published story yet.",
        "slug",
    )
