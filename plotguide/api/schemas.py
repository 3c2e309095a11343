"""Response shapes of the catalogue: films, people, studios, collections.

Things are known by their slugs; database ids, source ids and anything about
where a field came from stay inside.
"""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from plotguide.api.pagination import PageOut
from plotguide.catalog.models import (
    Award,
    Film,
    Genre,
    Keyword,
    Person,
    PostCredits,
    Studio,
)


class NamedOut(Schema):
    slug: str
    name: str


class FilmRef(Schema):
    """A film as named inside another answer: what a link to it needs."""

    slug: str
    title: str
    year: int | None


class FilmSummary(Schema):
    slug: str
    title: str
    year: int | None
    runtime_minutes: int | None
    genres: list[NamedOut]
    has_story: bool = Field(description="A published story can be read.")

    @staticmethod
    def resolve_genres(film: Film) -> list[Genre]:
        return list(film.genres.all())


class FilmPage(PageOut):
    items: list[FilmSummary]


class CastOut(Schema):
    person: NamedOut
    character: str


class AwardOut(Schema):
    ceremony: str
    year: int | None
    category: str
    outcome: str = Field(description="'won' or 'nominated'.")
    count: int


class PostCreditsOut(Schema):
    kind: str = Field(description="'none', 'mid', 'post' or 'both'.")
    label: str

    @staticmethod
    def resolve_label(post: PostCredits) -> str:
        return post.get_kind_display()


class PlotSourceOut(Schema):
    name: str
    url: str
    licence: str


class FilmOut(FilmSummary):
    release_date: dt.date | None
    origin: str
    overview: str
    studios: list[NamedOut]
    keywords: list[NamedOut]
    directors: list[NamedOut]
    writers: list[NamedOut]
    cast: list[CastOut]
    awards: list[AwardOut]
    post_credits: PostCreditsOut | None
    plot_source: PlotSourceOut | None
    web_url: str = Field(description="The film's page on the site.")

    @staticmethod
    def resolve_studios(film: Film) -> list[Studio]:
        return list(film.studios.all())

    @staticmethod
    def resolve_keywords(film: Film) -> list[Keyword]:
        return list(film.keywords.all())

    @staticmethod
    def resolve_directors(film: Film) -> list[Person]:
        return film.directors

    @staticmethod
    def resolve_writers(film: Film) -> list[Person]:
        return [c.person for c in film.credits.all() if c.role == c.WRITER]

    @staticmethod
    def resolve_awards(film: Film) -> list[Award]:
        return list(film.awards.all())

    @staticmethod
    def resolve_post_credits(film: Film) -> PostCredits | None:
        return getattr(film, "post_credits", None)

    @staticmethod
    def resolve_plot_source(film: Film) -> PlotSourceOut | None:
        if not film.plot_source_name:
            return None
        return PlotSourceOut(
            name=film.plot_source_name,
            url=film.plot_source_url,
            licence=film.plot_licence,
        )

    @staticmethod
    def resolve_web_url(film: Film) -> str:
        return film.get_absolute_url()


class PersonCreditOut(Schema):
    film: FilmSummary
    role: str = Field(description="'cast', 'director' or 'writer'.")
    character: str


class PersonOut(Schema):
    slug: str
    name: str
    credits: list[PersonCreditOut]


class StudioOut(Schema):
    slug: str
    name: str
    film_count: int
    films_url: str = Field(description="The studio's films, page by page.")


class CollectionItemOut(Schema):
    position: int
    note: str
    film: FilmSummary


class CollectionOut(Schema):
    slug: str
    title: str
    description: str
    items: list[CollectionItemOut]


class CollectionPage(PageOut):
    items: list[CollectionOut]


class MetaOut(Schema):
    api_version: str
    film_count: int
    story_count: int = Field(description="Films with a published story.")
    last_update: dt.datetime | None
