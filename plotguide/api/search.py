"""One search box over films, people and characters: the site's own search."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from plotguide.api.caching import last_update, set_last_modified
from plotguide.api.errors import READ_RESPONSES, ErrorOut
from plotguide.api.ratelimit import check_rate
from plotguide.catalog.search import MAX_QUERY_CHARS, PERSON, SearchResult
from plotguide.catalog.search import search as search_catalogue

RESULT_LIMIT = 30

router = Router(tags=["search"])


class SearchQuery(Schema):
    q: str = Field(
        min_length=1,
        max_length=MAX_QUERY_CHARS,
        description="Title, name, character or plot words; typos are forgiven.",
    )


class SearchResultOut(Schema):
    kind: str = Field(description="'film', 'person' or 'character'.")
    label: str
    slug: str = Field(description="The person's slug, or the film's for the rest.")
    year: int | None
    film_title: str
    person_name: str
    is_plot_match: bool
    score: float
    api_url: str

    @staticmethod
    def resolve_api_url(result: SearchResult) -> str:
        if result.kind == PERSON:
            return reverse("api-v1:get_person", args=[result.slug])
        return reverse("api-v1:get_film", args=[result.slug])


class SearchOut(Schema):
    q: str
    results: list[SearchResultOut]


@router.get(
    "/search",
    response={200: SearchOut, 429: ErrorOut, **READ_RESPONSES},
    summary="Search films, people and characters",
)
def search(
    request: HttpRequest, response: HttpResponse, query: Query[SearchQuery]
) -> dict:
    """Results come best first; a film shows once however many ways it matched."""
    check_rate(request, "search")
    set_last_modified(response, last_update())
    return {"q": query.q, "results": search_catalogue(query.q, limit=RESULT_LIMIT)}
