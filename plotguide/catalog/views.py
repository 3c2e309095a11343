"""Plain catalogue pages: a paginated list of films and one page per film."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from plotguide.catalog.models import Film

FILMS_PER_PAGE = 50


def film_list(request: HttpRequest) -> HttpResponse:
    films = Film.objects.only("title", "year", "slug")
    page = Paginator(films, FILMS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "catalog/film_list.html", {"page": page})


def film_detail(request: HttpRequest, slug: str) -> HttpResponse:
    film = get_object_or_404(
        Film.objects.prefetch_related(
            "credits__person", "studios", "genres", "keywords", "awards"
        ),
        slug=slug,
    )
    return render(request, "catalog/film_detail.html", {"film": film})
