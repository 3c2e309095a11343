"""The hub pages' lists: which films, people and studios each one shows.

Every catalogue film has a useful page (facts, premise, cast), so the
catalogue hubs (releases, people, studios, awards, music, collections) list
every film, those with a published story marked as such. The story hubs (the
A–Z of plot summaries, the home page's newly published list, the feed) list
only films whose story is published. Lists lead with the films readers look
for: TMDB's popularity, then its vote count, never the alphabet.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    F,
    OrderBy,
    OuterRef,
    QuerySet,
)
from django.db.models.functions import TruncDate

from plotguide.catalog.models import (
    Award,
    Collection,
    Film,
    FilmQuerySet,
    Genre,
    Keyword,
    Person,
    Studio,
)
from plotguide.site.cards import spoiler_free_line
from plotguide.site.film_facts import award_order
from plotguide.stories.models import Story

AUTOMATIC_DIRECTORS = 24
FEATURED = 12

# Concert films and music documentaries, as the genres and keywords say it.
# "Music" or "Musical" alone is a fiction film with songs (Cinderella, Turbo);
# "concert" alone is a drama with a concert in it (Almost Famous, Walk the
# Line), so those count only on a documentary. docs/site.md has the measure.
MUSIC_GENRES = frozenset(
    {"concert film", "music documentary", "concert", "rockumentary"}
)
MUSIC_KEYWORDS = frozenset({"concert film", "music documentary", "rockumentary"})
DOCUMENTARY = "documentary"
MUSIC_TOPICS = frozenset(
    {
        "music",
        "concert",
        "live performance",
        "musician",
        "band",
        "rock band",
        "music band",
        "singer",
        "singers",
    }
)


def popular_first() -> tuple[OrderBy, OrderBy]:
    """Order by TMDB's popularity, then its vote count; films without either last."""
    return (
        F("popularity").desc(nulls_last=True),
        F("vote_count").desc(nulls_last=True),
    )


def has_story() -> Exists:
    return Exists(Story.objects.published().filter(film=OuterRef("pk")))


def film_cards() -> FilmQuerySet:
    """Films with what their cards show: title, year, genres and a premise line."""
    return (
        Film.objects.only("title", "year", "slug", "overview")
        .prefetch_related("genres")
        .annotate(premise_line=spoiler_free_line())
    )


def published_films() -> FilmQuerySet:
    return film_cards().with_published_story()


def catalogue_films() -> FilmQuerySet:
    """Every film, each marked with whether its story is published."""
    return film_cards().annotate(has_story=has_story())


def latest_published() -> FilmQuerySet:
    """The newest stories: the latest day's first, the most popular first within it.

    A bulk build publishes thousands within minutes in the builder's order
    (A–Z), so a day's stories count as published together.
    """
    return published_films().order_by(
        TruncDate("story__published_at").desc(nulls_last=True),
        *popular_first(),
        F("story__published_at").desc(),
        "pk",
    )[:FEATURED]


def popular_films() -> FilmQuerySet:
    """The catalogue's most popular films, with a story or not: what readers seek."""
    return catalogue_films().order_by(*popular_first(), "-has_story", "pk")[:FEATURED]


def release_years() -> list[tuple[int, int]]:
    """Return (year, film count) for each year with films, newest first."""
    rows = (
        Film.objects.exclude(year=None)
        .values_list("year")
        .annotate(films=Count("pk"))
        .order_by("-year")
    )
    return list(rows)


def newest_release_year(years: list[tuple[int, int]] | None = None) -> int | None:
    """Return the newest year, not after this one, that has films.

    A catalogue holding only films announced for later years opens on the
    soonest of them; an empty catalogue has no year.
    """
    known = [year for year, _ in (release_years() if years is None else years)]
    this_year = datetime.date.today().year
    released = [year for year in known if year <= this_year]
    if released:
        return released[0]
    return known[-1] if known else None


def films_of_year(year: int) -> FilmQuerySet:
    return (
        catalogue_films()
        .filter(year=year)
        .order_by(*popular_first(), "-has_story", F("release_date").desc(), "pk")
    )


def films_by_letter(letter: str) -> FilmQuerySet:
    """Return published films A–Z; "#" holds titles that start with a digit."""
    films = published_films().order_by("title_key", "year")
    if letter == "#":
        return films.filter(title_key__regex=r"^[0-9]")
    if letter:
        return films.filter(title_key__startswith=letter.lower())
    return films


def actors() -> QuerySet[Person]:
    return (
        Person.objects.filter(credits__role="cast")
        .annotate(film_count=Count("credits__film", distinct=True))
        .order_by("-film_count", "name")
    )


def person_credits(person: Person):
    return person.credits.select_related("film").order_by(
        F("film__year").desc(nulls_last=True), "film__title_key", "role"
    )


def person_awards(person: Person) -> list[tuple[Film, list[Award]]]:
    """Return the films of a person that won or were nominated for awards."""
    awards = (
        Award.objects.filter(film__in=Film.objects.filter(credits__person=person))
        .select_related("film")
        .order_by(F("film__year").desc(nulls_last=True), "film__pk")
    )
    by_film: dict[int, tuple[Film, list[Award]]] = {}
    for award in awards:
        by_film.setdefault(award.film_id, (award.film, []))[1].append(award)
    return [(film, sorted(rows, key=award_order)) for film, rows in by_film.values()]


def studios() -> QuerySet[Studio]:
    return (
        Studio.objects.annotate(film_count=Count("films", distinct=True))
        .filter(film_count__gt=0)
        .order_by("-film_count", "name")
    )


def studio_films(studio: Studio) -> FilmQuerySet:
    return (
        catalogue_films()
        .filter(studios=studio)
        .order_by(*popular_first(), "-has_story", F("year").desc(nulls_last=True))
    )


@dataclass(frozen=True)
class AwardEntry:
    """One film's awards at one ceremony: what it won, then what it was up for."""

    ceremony: str
    year: int | None
    film: Film
    awards: tuple[Award, ...]

    @property
    def wins(self) -> int:
        return sum(award.count for award in self.awards if award.outcome == Award.WON)

    @property
    def nominations(self) -> int:
        return sum(
            award.count for award in self.awards if award.outcome == Award.NOMINATED
        )


def award_entries() -> list[AwardEntry]:
    """Return each film's awards by ceremony, then year (newest first).

    Within a ceremony and year, the films that won most lead; nominations
    and then popularity break ties.
    """
    awards = Award.objects.select_related("film").only(
        "ceremony",
        "year",
        "category",
        "outcome",
        "count",
        "film__title",
        "film__year",
        "film__slug",
        "film__popularity",
    )
    grouped: dict[tuple[str, int | None, int], list[Award]] = {}
    for award in awards:
        key = (award.ceremony, award.year or award.film.year, award.film_id)
        grouped.setdefault(key, []).append(award)
    entries = [
        AwardEntry(ceremony, year, rows[0].film, tuple(sorted(rows, key=award_order)))
        for (ceremony, year, _), rows in grouped.items()
    ]
    return sorted(entries, key=_entry_order)


def _entry_order(entry: AwardEntry) -> tuple:
    return (
        award_order(entry.awards[0])[0],
        entry.ceremony,
        -(entry.year or 0),
        -entry.wins,
        -entry.nominations,
        -(entry.film.popularity or 0),
        entry.film.pk,
    )


def music_films() -> FilmQuerySet:
    """Concert films and music documentaries, by their genres and keywords."""
    genres = Genre.objects.filter(films=OuterRef("pk"))
    keywords = Keyword.objects.filter(films=OuterRef("pk"))
    said = Exists(genres.filter(key__in=MUSIC_GENRES)) | Exists(
        keywords.filter(key__in=MUSIC_KEYWORDS)
    )
    documentary_about_music = Exists(genres.filter(key=DOCUMENTARY)) & (
        Exists(genres.filter(key="music"))
        | Exists(keywords.filter(key__in=MUSIC_TOPICS))
    )
    return (
        catalogue_films()
        .filter(said | documentary_about_music)
        .order_by(*popular_first(), "-has_story", F("year").desc(nulls_last=True))
    )


def curated_collections() -> QuerySet[Collection]:
    return Collection.objects.filter(is_published=True)


def collection_films(collection: Collection):
    return collection.items.select_related("film").prefetch_related("film__genres")


def director_films(person: Person) -> FilmQuerySet:
    """A director's films in the order they made them."""
    return (
        catalogue_films()
        .filter(credits__person=person, credits__role="director")
        .order_by(F("year").asc(nulls_last=True), "release_date", "pk")
    )


def decade_films(decade: int) -> FilmQuerySet:
    return (
        catalogue_films()
        .filter(year__gte=decade, year__lt=decade + 10)
        .order_by(*popular_first(), "-has_story", "year", "pk")
    )


def directors_with_films(minimum: int = 2) -> QuerySet[Person]:
    return (
        Person.objects.filter(credits__role="director")
        .annotate(film_count=Count("credits__film", distinct=True))
        .filter(film_count__gte=minimum)
        .order_by("-film_count", "name")[:AUTOMATIC_DIRECTORS]
    )


def decades() -> list[tuple[int, int]]:
    """Return (decade, film count) for each decade with films, newest first."""
    counts: dict[int, int] = {}
    for year, films in release_years():
        counts[year // 10 * 10] = counts.get(year // 10 * 10, 0) + films
    return sorted(counts.items(), reverse=True)
