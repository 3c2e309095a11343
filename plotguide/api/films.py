"""Films: the catalogue page by page, and one film's quick facts and credits."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from plotguide.api import queries
from plotguide.api.caching import last_update, set_last_modified
from plotguide.api.errors import SLUG_READ_RESPONSES
from plotguide.api.pagination import Page, PageQuery, paginate
from plotguide.api.params import SLUG_PATTERN, Slug
from plotguide.api.schemas import FilmOut, FilmPage
from plotguide.catalog.models import Film

router = Router(tags=["films"])


class FilmFilters(Schema):
    year: int | None = Field(None, ge=0, le=32767, description="Release year.")
    genre: str | None = Field(None, pattern=SLUG_PATTERN, max_length=90)
    studio: str | None = Field(None, pattern=SLUG_PATTERN, max_length=90)
    person: str | None = Field(
        None, pattern=SLUG_PATTERN, max_length=90, description="Anyone credited."
    )


@router.get(
    "/films",
    response={200: FilmPage, **SLUG_READ_RESPONSES},
    summary="List films",
)
def list_films(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[FilmFilters],
    pages: Query[PageQuery],
) -> Page:
    """Films by title, then year; filters combine, and an unknown slug matches none."""
    films = queries.films()
    if filters.year is not None:
        films = films.filter(year=filters.year)
    if filters.genre:
        films = films.filter(genres__slug=filters.genre)
    if filters.studio:
        films = films.filter(studios__slug=filters.studio)
    if filters.person:
        films = films.filter(credits__person__slug=filters.person).distinct()
    set_last_modified(response, last_update())
    return paginate(films, pages)


@router.get(
    "/films/{slug}",
    response={200: FilmOut, **SLUG_READ_RESPONSES},
    summary="One film's quick facts and credits",
)
def get_film(request: HttpRequest, response: HttpResponse, slug: Slug) -> Film:
    film = queries.film_detail(slug)
    set_last_modified(response, last_update())
    return film
