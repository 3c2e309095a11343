"""Similar films over the whole catalogue, stored so a page never computes them.

Each published story is compared on its stored traits (embedding, main
characters, premise words: encoded once, see embeddings.py) and on its film's
genres, keywords, director and billed cast, read here from the catalogue.
The engine's SimilarityIndex scores a block of stories against all of them
with numpy and says in words why each of the best ones is similar.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

import numpy as np

from django.db import transaction
from django.db.models import QuerySet

from plotguide.catalog.models import Credit, Film
from plotguide.engine.similar import (
    BILLED,
    BLOCK_ROWS,
    Profile,
    SimilarityIndex,
)
from plotguide.stories.embeddings import story_traits
from plotguide.stories.models import SimilarFilm, Story
from plotguide.stories.signals import similar_films_refreshed

SIMILAR_COUNT = 12


def _names(pairs: Iterable[tuple[int, str]]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for film_id, name in pairs:
        names[film_id].append(name)
    return names


def film_metadata(film_ids: Sequence[int]) -> dict[str, dict[int, list[str]]]:
    """Return genres, keywords, directors and billed cast (lead first) by film id."""
    credits = Credit.objects.filter(film_id__in=film_ids)
    billed = (
        credits.filter(role=Credit.CAST, order__isnull=False)
        .order_by("film_id", "order", "id")
        .values_list("film_id", "person__name")
    )
    cast: dict[int, list[str]] = defaultdict(list)
    for film_id, name in billed:
        if len(cast[film_id]) < BILLED:
            cast[film_id].append(name)
    return {
        "genres": _names(
            Film.genres.through.objects.filter(film_id__in=film_ids)
            .order_by("id")
            .values_list("film_id", "genre__name")
        ),
        "keywords": _names(
            Film.keywords.through.objects.filter(film_id__in=film_ids)
            .order_by("id")
            .values_list("film_id", "keyword__name")
        ),
        "directors": _names(
            credits.filter(role=Credit.DIRECTOR)
            .order_by("film_id", "order", "id")
            .values_list("film_id", "person__name")
        ),
        "cast": cast,
    }


def index_stories(stories: QuerySet[Story]) -> tuple[list[Story], SimilarityIndex]:
    """Index the stories on their traits and their films' catalogue facts."""
    rows, traits = story_traits(stories.select_related("film"))
    meta = film_metadata([story.film_id for story in rows])
    profiles = [
        Profile(
            title=story.film.title,
            embedding=found.embedding,
            characters=found.characters,
            premise=found.premise,
            **{
                field: tuple(values.get(story.film_id, ()))
                for field, values in meta.items()
            },
        )
        for story, found in zip(rows, traits, strict=True)
    ]
    return rows, SimilarityIndex(profiles)


def _lists_entered(
    rows: list[Story], index: SimilarityIndex, targets: list[int]
) -> set[int]:
    """Return the rows whose stored list one of the targets now belongs in."""
    floors = np.full(len(rows), -np.inf)
    row_of = {story.pk: row for row, story in enumerate(rows)}
    counts: dict[int, int] = {}
    for story_id, score in SimilarFilm.objects.values_list("story_id", "score"):
        row = row_of.get(story_id)
        if row is None:
            continue
        counts[row] = counts.get(row, 0) + 1
        floors[row] = score if counts[row] == 1 else min(floors[row], score)
    for row in range(len(rows)):
        if counts.get(row, 0) < SIMILAR_COUNT:
            floors[row] = -np.inf
    entered: set[int] = set()
    for start in range(0, len(targets), BLOCK_ROWS):
        block = targets[start : start + BLOCK_ROWS]
        beats = (index.scores(block) > floors[None, :]).any(axis=0)
        entered.update(int(row) for row in np.flatnonzero(beats))
    return entered


def refresh_similar_films(
    stories: QuerySet[Story],
    progress: Callable[[Iterable[Any], int], Iterable[Any]] = lambda items, n: items,
    films: Collection[int] | None = None,
) -> int:
    """Recompute and store similar films; return how many stories got a new list.

    Every given story is a candidate. films (ids) limits the recomputed lists to
    those films' stories and the stories whose list one of them now enters,
    which is what a single new story changes; None recomputes every list.
    """
    rows, index = index_stories(stories)
    targets = None
    if films is not None:
        chosen = [row for row, story in enumerate(rows) if story.film_id in films]
        targets = sorted(set(chosen) | _lists_entered(rows, index, chosen))
    changed = rows if targets is None else [rows[row] for row in targets]
    links: list[SimilarFilm] = []
    for row, best in progress(index.best(targets, SIMILAR_COUNT), len(changed)):
        links.extend(
            SimilarFilm(
                story=rows[row],
                film_id=rows[other].film_id,
                rank=rank,
                score=score,
                reasons=list(reasons),
            )
            for rank, (other, score, reasons) in enumerate(best)
        )
    with transaction.atomic():
        SimilarFilm.objects.filter(story__in=changed).delete()
        SimilarFilm.objects.bulk_create(links, batch_size=2000)
        slugs = [story.film.slug for story in changed]
        transaction.on_commit(
            lambda: similar_films_refreshed.send(sender=SimilarFilm, slugs=slugs)
        )
    return len(changed)


def link_new_stories(film_ids: Collection[int]) -> int:
    """Give just-built published stories their similar films, and them to others."""
    stories = Story.objects.published().select_related("film")
    return refresh_similar_films(stories, films=set(film_ids))
