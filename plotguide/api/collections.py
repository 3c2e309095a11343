"""Editors' published collections, each an ordered list of films."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from plotguide.api import queries
from plotguide.api.caching import last_update, set_last_modified
from plotguide.api.errors import SLUG_READ_RESPONSES
from plotguide.api.pagination import Page, PageQuery, paginate
from plotguide.api.schemas import CollectionPage
from plotguide.catalog.models import Collection, CollectionItem

router = Router(tags=["collections"])


@router.get(
    "/collections",
    response={200: CollectionPage, **SLUG_READ_RESPONSES},
    summary="Published collections with their films in order",
)
def list_collections(
    request: HttpRequest, response: HttpResponse, pages: Query[PageQuery]
) -> Page:
    items = CollectionItem.objects.prefetch_related(queries.film_prefetch("film"))
    collections = (
        Collection.objects.filter(is_published=True)
        .prefetch_related(Prefetch("items", queryset=items))
        .order_by("title", "slug")
    )
    set_last_modified(response, last_update())
    return paginate(collections, pages)
