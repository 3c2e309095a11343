"""The hub pages' lists: which films, people and studios each one shows.

Hubs list films whose story is published; a person's page lists every film
of theirs in the catalogue, since each has a page.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Q, QuerySet

from plotguide.catalog.models import Award, Collection, Film, Genre, Person, Studio
from plotguide.stories.models import Story

PUBLISHED = Q(story__status=Story.PUBLISHED)
AUTOMATIC_DIRECTORS = 24


def published_films() -> QuerySet[Film]:
    return Film.objects.filter(PUBLISHED).only("title", "year", "slug")


def release_years() -> list[int]:
    """Return the years with published films, newest first."""
    return list(
        published_films()
        .exclude(year=None)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def default_release_year() -> int:
    """Return this year when it has films, else the newest year that has."""
    this_year = datetime.date.today().year
    years = release_years()
    if not years or this_year in years:
        return this_year
    return min(years, key=lambda year: (year > this_year, abs(this_year - year)))


def films_of_year(year: int) -> QuerySet[Film]:
    return published_films().filter(year=year).order_by("-release_date", "title_key")


def films_by_letter(letter: str) -> QuerySet[Film]:
    """Return published films A–Z; "#" holds titles that start with a digit."""
    films = published_films().order_by("title_key", "year")
    if letter == "#":
        return films.filter(title_key__regex=r"^[0-9]")
    if letter:
        return films.filter(title_key__startswith=letter.lower())
    return films


def actors() -> QuerySet[Person]:
    return (
        Person.objects.filter(
            credits__role="cast", credits__film__story__status="published"
        )
        .annotate(film_count=Count("credits__film", distinct=True))
        .order_by("-film_count", "name")
    )


def person_credits(person: Person):
    return person.credits.select_related("film").order_by("-film__year", "film__title")


def studios() -> QuerySet[Studio]:
    return (
        Studio.objects.filter(films__story__status=Story.PUBLISHED)
        .annotate(film_count=Count("films", distinct=True))
        .order_by("-film_count", "name")
    )


def studio_films(studio: Studio) -> QuerySet[Film]:
    return published_films().filter(studios=studio).order_by("-year", "title_key")


def award_winners() -> QuerySet[Award]:
    return (
        Award.objects.filter(outcome=Award.WON, film__story__status=Story.PUBLISHED)
        .select_related("film")
        .order_by("ceremony", "-year", "category", "film__title_key")
    )


def music_films() -> QuerySet[Film]:
    return (
        published_films()
        .filter(genres__key__in=Genre.MUSIC_KEYS)
        .distinct()
        .order_by("-year", "title_key")
    )


def curated_collections() -> QuerySet[Collection]:
    return Collection.objects.filter(is_published=True)


def collection_films(collection: Collection):
    return collection.items.filter(film__story__status=Story.PUBLISHED).select_related(
        "film"
    )


def director_films(person: Person) -> QuerySet[Film]:
    return (
        published_films()
        .filter(credits__person=person, credits__role="director")
        .order_by("year", "title_key")
    )


def decade_films(decade: int) -> QuerySet[Film]:
    return (
        published_films()
        .filter(year__gte=decade, year__lt=decade + 10)
        .order_by("year", "title_key")
    )


def directors_with_films(minimum: int = 2) -> QuerySet[Person]:
    return (
        Person.objects.filter(
            credits__role="director", credits__film__story__status=Story.PUBLISHED
        )
        .annotate(film_count=Count("credits__film", distinct=True))
        .filter(film_count__gte=minimum)
        .order_by("-film_count", "name")[:AUTOMATIC_DIRECTORS]
    )


def decades() -> list[tuple[int, int]]:
    """Return (decade, film count) for each decade with published films."""
    counts: dict[int, int] = {}
    for year in published_films().exclude(year=None).values_list("year", flat=True):
        counts[year // 10 * 10] = counts.get(year // 10 * 10, 0) + 1
    return sorted(counts.items(), reverse=True)
