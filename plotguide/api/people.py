"""People and studios, by slug: who made which films."""

from __future__ import annotations

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Router

from plotguide.api import queries
from plotguide.api.caching import last_update, set_last_modified
from plotguide.api.errors import SLUG_READ_RESPONSES, ApiError
from plotguide.api.params import Slug
from plotguide.api.schemas import PersonOut, StudioOut
from plotguide.catalog.models import Credit, Person, Studio

router = Router(tags=["people and studios"])


@router.get(
    "/people/{slug}",
    response={200: PersonOut, **SLUG_READ_RESPONSES},
    summary="A person and every film they are credited on",
)
def get_person(request: HttpRequest, response: HttpResponse, slug: Slug) -> Person:
    credits = Credit.objects.prefetch_related(queries.film_prefetch("film")).order_by(
        "film__year", "film__title_key", "film__slug", "role"
    )
    person = (
        Person.objects.prefetch_related(Prefetch("credits", queryset=credits))
        .filter(slug=slug)
        .first()
    )
    if person is None:
        raise ApiError("person_not_found", f"No person has the slug {slug!r}.", "slug")
    set_last_modified(response, last_update())
    return person


@router.get(
    "/studios/{slug}",
    response={200: StudioOut, **SLUG_READ_RESPONSES},
    summary="A studio and how many films it made",
)
def get_studio(request: HttpRequest, response: HttpResponse, slug: Slug) -> dict:
    """A studio can have thousands of films, so they are paged under /films."""
    studio = (
        Studio.objects.annotate(film_count=Count("films")).filter(slug=slug).first()
    )
    if studio is None:
        raise ApiError("studio_not_found", f"No studio has the slug {slug!r}.", "slug")
    set_last_modified(response, last_update())
    return {
        "slug": studio.slug,
        "name": studio.name,
        "film_count": studio.film_count,
        "films_url": f"{reverse('api-v1:list_films')}?studio={studio.slug}",
    }
