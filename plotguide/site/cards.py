"""What a film's card in a list says: one whole sentence of premise, never a spoiler.

A card is read at a glance, so it carries one sentence: from the spoiler-free
summary when the film's story is published (the text that is spoiler-free by
construction), else from the source's premise. Never from the plot summary.
"""

from __future__ import annotations

import re

from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Coalesce

from plotguide.catalog.models import Film

# Words that end in a full stop without ending a sentence ("Dr. No", "U.S.").
ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "lt", "col", "gen", "capt", "sgt"}
    | {"prof", "rev", "vs", "mt", "ft", "no"}
)
SENTENCE_END = re.compile(r"[.!?][\"”’')]*(?=\s+[\"“‘(]?[A-Z0-9])")


def spoiler_free_line() -> Coalesce:
    """Return the first line of a film's spoiler-free summary, an editor's first."""

    def first_line(field: str) -> KeyTextTransform:
        lines = KeyTransform("lines", KeyTransform("spoiler_free", f"story__{field}"))
        return KeyTextTransform("text", KeyTransform("0", lines))

    return Coalesce(first_line("corrections"), first_line("data"))


def first_sentence(text: str) -> str:
    """Return the first sentence of a text, whole; the whole text when it has one.

    A full stop after a title ("Dr.") or an initial ("J. R.") is not an end.
    """
    text = " ".join(text.split())
    for match in SENTENCE_END.finditer(text):
        sentence = text[: match.end()]
        word = sentence.rsplit(" ", 1)[-1].strip("\"“”‘’'()")
        stem = word.rstrip(".!?").lower()
        is_abbreviation = stem in ABBREVIATIONS or len(stem) <= 1 or "." in stem
        if word.endswith(".") and is_abbreviation:
            continue
        return sentence
    return text


def card_premise(film: Film) -> str:
    """Return the one-sentence premise a film's card shows, or ""."""
    line = getattr(film, "premise_line", None)
    if line and getattr(film, "has_story", True):
        return first_sentence(line)
    return first_sentence(film.overview) if film.overview else ""
