"""The `themes` component: 3 to 5 themes from Plotguide's taxonomy, with evidence."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from plotguide.engine.doc import Sentence, StoryDoc
from plotguide.engine.registry import component
from plotguide.engine.story import DERIVED, FIXED, SOURCE, Line, Theme

MIN_THEMES, MAX_THEMES = 3, 5
MIN_SCORE = 2.0
EVIDENCE_SENTENCES = 2


@dataclass(frozen=True)
class ThemeEntry:
    """One theme of the taxonomy in engine/data/themes.json."""

    id: str
    emoji: str
    name: str
    meaning: str
    triggers: frozenset[str]
    keywords: tuple[str, ...]


@cache
def taxonomy() -> tuple[ThemeEntry, ...]:
    """Return the theme taxonomy shipped with the engine (read once)."""
    text = (
        resources.files("plotguide.engine")
        .joinpath("data/themes.json")
        .read_text(encoding="utf-8")
    )
    return tuple(
        ThemeEntry(
            item["id"],
            item["emoji"],
            item["name"],
            item["meaning"],
            frozenset(item["triggers"]),
            tuple(item["keywords"]),
        )
        for item in json.loads(text)["themes"]
    )


@component("themes", requires=("sentences",))
def build_themes(doc: StoryDoc) -> StoryDoc:
    """Score each taxonomy theme on trigger lemmas and the film's keywords.

    Metadata keywords and genres count more than a single word of the plot,
    since people chose them for the whole film.
    """
    sentences = tuple(s for s in doc.sentences or () if s.tokens)
    lemma_sets = [(s, s.lemmas()) for s in sentences]
    tags = tuple(t.lower() for t in doc.film.keywords + doc.film.genres)
    scored = []
    for entry in taxonomy():
        hits = [(s, lemmas & entry.triggers) for s, lemmas in lemma_sets]
        hits = [(s, found) for s, found in hits if found]
        distinct = set().union(*(found for _, found in hits)) if hits else set()
        meta = sum(1 for tag in tags if matches_tag(tag, entry))
        score = math.sqrt(len(hits)) + 0.5 * len(distinct) + 2.0 * min(meta, 3)
        if hits:
            scored.append((score, entry, hits))
    scored.sort(key=lambda item: (-item[0], item[1].id))
    chosen = [
        item
        for rank, item in enumerate(scored)
        if rank < MIN_THEMES or item[0] >= MIN_SCORE
    ][:MAX_THEMES]
    themes = tuple(
        Theme(
            entry.id,
            entry.emoji,
            entry.name,
            entry.meaning,
            round(score, 3),
            _paragraph(entry, hits),
        )
        for score, entry, hits in chosen
    )
    return replace(doc, themes=themes)


def matches_tag(tag: str, entry: ThemeEntry) -> bool:
    """True when a lower-cased keyword or genre names this theme."""
    return any(k == tag or f" {k} " in f" {tag} " for k in entry.keywords) or (
        tag in entry.triggers
    )


def _paragraph(
    entry: ThemeEntry, hits: list[tuple[Sentence, frozenset[str]]]
) -> tuple[Line, ...]:
    """Return the theme's meaning, then the plot sentences that show it."""
    best = sorted(hits, key=lambda hit: (-len(hit[1]), hit[0].id))[:EVIDENCE_SENTENCES]
    best.sort(key=lambda hit: hit[0].id)
    ids = tuple(s.id for s, _ in best)
    lines = [
        Line(entry.meaning, (), FIXED),
        Line("This film shows it in these moments:", ids, DERIVED),
    ]
    lines += [Line(s.text, (s.id,), SOURCE) for s, _ in best]
    return tuple(lines)
