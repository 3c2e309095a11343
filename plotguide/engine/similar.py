"""Similar films: a plain function over finished stories."""

from __future__ import annotations

import math
from collections.abc import Sequence

from plotguide.engine.story import Story

LEXICAL_WEIGHT = 0.45
THEME_WEIGHT = 0.35
ARC_WEIGHT = 0.1
DIRECTOR_WEIGHT = 0.1
SIMILAR_ARC = 0.9


def similar_films(
    target: Story, candidates: Sequence[tuple[str, Story]], limit: int = 12
) -> list[tuple[str, float, tuple[str, ...]]]:
    """Return (key, score, reasons) for the closest candidates, best first.

    Reasons say why in a reader's words: shared themes, a similar arc, the
    same director. Ties break on the key, so the list is deterministic.
    """
    names = {theme.id: theme.name.lower() for theme in target.themes}
    directors = set(target.directors)
    results = []
    for key, story in candidates:
        if story is target:
            continue
        lexical = _cosine(target.vector.terms, story.vector.terms)
        shared = [t for t in target.vector.themes if t in set(story.vector.themes)]
        union = set(target.vector.themes) | set(story.vector.themes)
        themes = len(shared) / len(union) if union else 0.0
        arc = _arc_similarity(target.vector.arc, story.vector.arc)
        same_director = bool(directors & set(story.directors))
        score = (
            LEXICAL_WEIGHT * lexical
            + THEME_WEIGHT * themes
            + ARC_WEIGHT * arc
            + DIRECTOR_WEIGHT * same_director
        )
        reasons = []
        if shared:
            reasons.append("both: " + ", ".join(names[t] for t in shared))
        if arc >= SIMILAR_ARC:
            reasons.append("similar arc")
        if same_director:
            reasons.append("same director")
        results.append((key, round(score, 4), tuple(reasons)))
    results.sort(key=lambda item: (-item[1], item[0]))
    return results[:limit]


def _cosine(
    left: tuple[tuple[int, float], ...], right: tuple[tuple[int, float], ...]
) -> float:
    weights = dict(left)
    return sum(weights.get(index, 0.0) * weight for index, weight in right)


def _arc_similarity(left: tuple[float, ...], right: tuple[float, ...]) -> float:
    """Return 1 for identical turning-point positions, falling with distance."""
    if len(left) != len(right) or not left:
        return 0.0
    distance = math.sqrt(sum((a - b) ** 2 for a, b in zip(left, right, strict=True)))
    return max(0.0, 1.0 - distance / math.sqrt(len(left)) * 2)
