"""Named places of a plot: one definition for the setting and the quiz.

The small parser labels many things places: a character ("Sergeant Jericho"),
the film's own title ("C.H.U.D.s"), a capitalised first word ("Story"). Both
the setting and the quiz's wrong answers read this list, so neither offers a
person or a title as a place, and a possessive never reaches a reader
("New York City's").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plotguide.engine.doc import Sentence
from plotguide.engine.story import Character

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ARTICLE = re.compile(r"^(the|a|an) ", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class PlaceMention:
    """A place as one sentence names it: its name and the words as written."""

    name: str
    sentence: int
    written: str
    entity_start: int
    entity_end: int


def named_places(
    sentences: tuple[Sentence, ...],
    characters: tuple[Character, ...] = (),
    title: str = "",
) -> list[PlaceMention]:
    """Return every mention of a named place, in plot order."""
    name_words = {
        word
        for character in characters
        for form in (character.name, *character.aliases)
        for word in form.split()
    }
    title_key = _letters(title)
    found = []
    for sentence in sentences:
        for entity in sentence.entities:
            if entity.label not in PLACE_LABELS:
                continue
            written = _POSSESSIVE.sub("", entity.text.strip())
            name = strip_article(written)
            if (
                not name
                or set(name.split()) & name_words
                or (title_key and _letters(name).rstrip("s") == title_key.rstrip("s"))
            ):
                continue
            found.append(
                PlaceMention(name, sentence.id, written, entity.start, entity.end)
            )
    return _without_lone_openers(found)


def strip_article(text: str) -> str:
    """Return the text without a leading "the", "a" or "an"."""
    return _ARTICLE.sub("", text.strip())


def _without_lone_openers(found: list[PlaceMention]) -> list[PlaceMention]:
    """Drop one-word places seen only as a sentence's first word ("Story")."""
    inside = {p.name for p in found if p.entity_start > 0 or " " in p.name}
    return [p for p in found if p.name in inside]


def _letters(text: str) -> str:
    return "".join(char for char in text.lower() if char.isalnum())
