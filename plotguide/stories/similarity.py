"""Similar films over the whole catalogue, stored so a page never computes them.

The engine's similar_films() scores one story against candidates in pure
Python, which is too slow against thousands. A vectorised pass with numpy
computes the same score's parts for every pair in blocks, keeps the best few
candidates per film, and only those go through similar_films() for the exact
score and the reasons in words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from django.db import transaction

from plotguide.engine import Story as EngineStory
from plotguide.engine.errors import StoryFormatError
from plotguide.engine.similar import (
    ARC_WEIGHT,
    DIRECTOR_WEIGHT,
    LEXICAL_WEIGHT,
    THEME_WEIGHT,
    similar_films,
)
from plotguide.engine.vector import DIMENSIONS
from plotguide.stories.models import SimilarFilm, Story
from plotguide.stories.signals import similar_films_refreshed

logger = logging.getLogger(__name__)

SIMILAR_COUNT = 12
CANDIDATE_COUNT = 40
BLOCK_ROWS = 512


def _load(stories: Iterable[Story]) -> tuple[list[Story], list[EngineStory]]:
    rows, parsed = [], []
    for story in stories:
        try:
            parsed.append(EngineStory.from_dict(story.data))
        except StoryFormatError as exc:
            logger.warning("Skipping the story of %s: %s", story.film.slug, exc)
            continue
        rows.append(story)
    return rows, parsed


def _matrices(parsed: list[EngineStory]) -> dict[str, Any]:
    count = len(parsed)
    terms = np.zeros((count, DIMENSIONS), dtype=np.float32)
    theme_ids = sorted({t for story in parsed for t in story.vector.themes})
    theme_index = {theme: i for i, theme in enumerate(theme_ids)}
    themes = np.zeros((count, max(len(theme_ids), 1)), dtype=np.float32)
    arcs = np.zeros((count, 5), dtype=np.float32)
    has_arc = np.zeros(count, dtype=bool)
    director_ids: dict[str, int] = {}
    directors = np.full(count, -1, dtype=np.int64)
    for row, story in enumerate(parsed):
        for index, weight in story.vector.terms:
            terms[row, index] = weight
        for theme in story.vector.themes:
            themes[row, theme_index[theme]] = 1.0
        if len(story.vector.arc) == 5:
            arcs[row] = story.vector.arc
            has_arc[row] = True
        if story.directors:
            directors[row] = director_ids.setdefault(
                story.directors[0], len(director_ids)
            )
    return {
        "terms": terms,
        "themes": themes,
        "arcs": arcs,
        "has_arc": has_arc,
        "directors": directors,
    }


def _scores(m: dict[str, Any], block: np.ndarray) -> np.ndarray:
    """Score the stories at the block's rows against every story (symmetric)."""
    theme_sizes = m["themes"].sum(axis=1)
    lexical = m["terms"][block] @ m["terms"].T
    shared = m["themes"][block] @ m["themes"].T
    union = theme_sizes[block, None] + theme_sizes[None, :] - shared
    themes = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    distance = np.sqrt(
        ((m["arcs"][block, None, :] - m["arcs"][None, :, :]) ** 2).sum(axis=2)
    )
    arc = np.clip(1.0 - distance / np.sqrt(5) * 2, 0.0, 1.0)
    arc *= m["has_arc"][block, None] & m["has_arc"][None, :]
    block_directors = m["directors"][block, None]
    same_director = (block_directors == m["directors"][None, :]) & (
        block_directors >= 0
    )
    score = (
        LEXICAL_WEIGHT * lexical
        + THEME_WEIGHT * themes
        + ARC_WEIGHT * arc
        + DIRECTOR_WEIGHT * same_director
    )
    score[np.arange(len(block)), block] = -np.inf
    return score


def candidate_rows(
    m: dict[str, Any], targets: Sequence[int] | None = None
) -> Iterator[tuple[int, np.ndarray]]:
    """Yield each target story's row and the rows of its likeliest similar stories."""
    count = len(m["directors"])
    rows = np.arange(count) if targets is None else np.asarray(targets, int)
    keep = min(CANDIDATE_COUNT, count - 1)
    if keep <= 0:
        return
    for start in range(0, len(rows), BLOCK_ROWS):
        block = rows[start : start + BLOCK_ROWS]
        best = np.argpartition(-_scores(m, block), keep - 1, axis=1)[:, :keep]
        for offset, row in enumerate(block):
            yield int(row), best[offset]


def _lists_entered(
    rows: list[Story], m: dict[str, Any], targets: list[int]
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
        block = np.asarray(targets[start : start + BLOCK_ROWS], int)
        beats = (_scores(m, block) > floors[None, :]).any(axis=0)
        entered.update(int(row) for row in np.flatnonzero(beats))
    return entered


def refresh_similar_films(
    stories: Iterable[Story],
    progress: Callable[[Iterable[Any], int], Iterable[Any]] = lambda items, n: items,
    films: Collection[int] | None = None,
) -> int:
    """Recompute and store similar films; return how many stories got a new list.

    Every given story is a candidate. films (ids) limits the recomputed lists to
    those films' stories and the stories whose list one of them now enters,
    which is what a single new story changes; None recomputes every list.
    """
    rows, parsed = _load(stories)
    m = _matrices(parsed)
    targets = None
    if films is not None:
        chosen = [row for row, story in enumerate(rows) if story.film_id in films]
        targets = sorted(set(chosen) | _lists_entered(rows, m, chosen))
    changed = rows if targets is None else [rows[row] for row in targets]
    links: list[SimilarFilm] = []
    for row, candidates in progress(candidate_rows(m, targets), len(changed)):
        keyed = [(str(int(c)), parsed[int(c)]) for c in candidates]
        for rank, (key, score, reasons) in enumerate(
            similar_films(parsed[row], keyed, limit=SIMILAR_COUNT)
        ):
            links.append(
                SimilarFilm(
                    story=rows[row],
                    film_id=rows[int(key)].film_id,
                    rank=rank,
                    score=score,
                    reasons=list(reasons),
                )
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
