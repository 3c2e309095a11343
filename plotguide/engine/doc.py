"""The working document that components pass along the pipeline."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from plotguide.engine.film import FilmText
from plotguide.engine.story import (
    AfterCredits,
    Character,
    PlotSummary,
    Quiz,
    Setting,
    SpoilerFree,
    StoryVector,
    Theme,
    Timeline,
)

if TYPE_CHECKING:
    from plotguide.engine.referents import Openings

# Texts in, one embedding per text out (e.g. Encoder.encode with .tolist()).
SentenceEncoder = Callable[[list[str]], Sequence[Sequence[float]]]


class Token(NamedTuple):
    """One parsed token; a NamedTuple because a film has thousands of them.

    head is the index of the syntactic head within the same sentence.
    """

    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent: str
    ent_iob: str
    space: bool
    # The frame that is not the story's reality the token is told in ("dream",
    # "alternate world", "made up"), or "": set by plotguide/engine/frames.py.
    framed: str = ""


def glued_hyphen(tokens: tuple[Token, ...], index: int) -> bool:
    """True when tokens[index] is a hyphen written inside a word, no space on
    either side ("T-Paul", "spider-like"); a dash between words has spaces."""
    return (
        0 < index < len(tokens)
        and tokens[index].tag == "HYPH"
        and not tokens[index - 1].space
        and not tokens[index].space
    )


_FIRST_WORD = re.compile(r"[^\W_][\w'’\-]*")


def starts_lowercase(text: str) -> bool:
    """True when the text's first word is written all in lowercase ("along
    with the promise …"); "iPhone" and "14-year-old Danny" are not."""
    first = _FIRST_WORD.search(text)
    return first is not None and first.group()[0].isalpha() and first.group().islower()


ParsedSentence = tuple[Token, ...]
ParsedParagraph = tuple[ParsedSentence, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span inside one sentence (token offsets, end exclusive)."""

    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One numbered source sentence with its parse."""

    id: int
    paragraph: int
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]

    @property
    def is_fragment(self) -> bool:
        """True when the sentence starts on a lowercase word: what damage to
        the source left of a sentence ("along with the promise of distant
        business trips …"). No section opens or stands on one."""
        return starts_lowercase(self.text)

    def lemmas(self) -> frozenset[str]:
        """Lower-cased lemmas of the sentence, for cue-word lookups."""
        return frozenset(token.lemma.lower() for token in self.tokens)


# StoryDoc's fields that no component produces: what it starts from, and
# what the characters component reads for the sections after it.
NOT_SECTIONS = ("film", "parsed", "openings", "encoder")


@dataclass(frozen=True)
class StoryDoc:
    """One film on its way through the pipeline.

    Each component fills exactly one of the section fields and returns a new
    StoryDoc (dataclasses.replace); a field left None is not produced yet.
    """

    film: FilmText
    parsed: tuple[ParsedParagraph, ...]
    sentences: tuple[Sentence, ...] | None = None
    characters: tuple[Character, ...] | None = None
    # Who each name in the plot is, read once per film for every section
    # that retells a sentence out of its context.
    openings: Openings | None = None
    setting: Setting | None = None
    timeline: Timeline | None = None
    themes: tuple[Theme, ...] | None = None
    summary: PlotSummary | None = None
    spoiler_free: SpoilerFree | None = None
    quiz: Quiz | None = None
    after_credits: AfterCredits | None = None
    vector: StoryVector | None = None
    # One embedding per sentence, names made "someone"; () without an encoder.
    sentence_vectors: tuple[Sequence[float], ...] | None = None
    # EngineConfig.sentence_encoder, for the components that embed sentences.
    encoder: SentenceEncoder | None = None
