"""Plotguide's own JSON: the whole catalogue in one file that imports back as it was."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from plotguide.catalog.models import Collection, Film, credits_with_people

FORMAT_NAME = "plotguide-catalog"
FORMAT_VERSION = 1


def film_to_dict(film: Film) -> dict[str, Any]:
    """Return one film as the JSON format describes it (docs/catalog-format.md)."""
    post_credits = getattr(film, "post_credits", None)
    return {
        "slug": film.slug,
        "title": film.title,
        "year": film.year,
        "release_date": film.release_date.isoformat() if film.release_date else None,
        "runtime_minutes": film.runtime_minutes,
        "origin": film.origin,
        "overview": film.overview,
        "plot": film.plot,
        "plot_source": film.plot_source_name,
        "plot_source_url": film.plot_source_url,
        "plot_licence": film.plot_licence,
        "imdb_id": film.imdb_id,
        "tmdb_id": film.tmdb_id,
        "wikipedia_id": film.wikipedia_id,
        "credits": [
            {
                "name": credit.person.name,
                "role": credit.role,
                "character": credit.character,
                "order": credit.order,
            }
            for credit in film.credits.all()
        ],
        "studios": [studio.name for studio in film.studios.all()],
        "genres": [genre.name for genre in film.genres.all()],
        "keywords": [keyword.name for keyword in film.keywords.all()],
        "awards": [
            {
                "ceremony": award.ceremony,
                "year": award.year,
                "category": award.category,
                "outcome": award.outcome,
                "count": award.count,
            }
            for award in film.awards.all()
        ],
        "post_credits": None
        if post_credits is None
        else {
            "kind": post_credits.kind,
            "description": post_credits.description,
            "source": post_credits.source,
        },
    }


def iter_films() -> Iterator[Film]:
    return (
        Film.objects.order_by("slug")
        .select_related("post_credits")
        .prefetch_related(
            credits_with_people(), "studios", "genres", "keywords", "awards"
        )
        .iterator(chunk_size=500)
    )


def export_catalog(path: Path) -> int:
    """Write the catalogue to path as JSON and return the number of films written.

    The file is written beside the target and renamed into place, so a failed
    export never leaves half a file where a good one was.
    """
    films = [film_to_dict(film) for film in iter_films()]
    collections = [
        {
            "slug": collection.slug,
            "title": collection.title,
            "description": collection.description,
            "is_published": collection.is_published,
            "films": [
                item.film.slug for item in collection.items.select_related("film")
            ],
            "notes": [item.note for item in collection.items.all()],
        }
        for collection in Collection.objects.order_by("slug")
    ]
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "films": films,
        "collections": collections,
    }
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(document, ensure_ascii=False, indent=1), "utf-8")
    partial.replace(path)
    return len(films)
