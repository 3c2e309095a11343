"""The engine's output: one film's story, section by section.

Every generated sentence is a `Line` holding the ids of the source sentences it
came from, so validators (and readers) can check it against the plot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FORMAT_VERSION = 1

SOURCE = "source"
DERIVED = "derived"
FIXED = "fixed"
LINE_KINDS = (SOURCE, DERIVED, FIXED)

NOT_STATED = "not stated"
# Every section of a story, in page order: what editors correct and the
# writer engine records, one entry each.
STORY_SECTIONS = (
    "summary",
    "timeline",
    "characters",
    "setting",
    "themes",
    "spoiler_free",
    "quiz",
    "after_credits",
)


@dataclass(frozen=True)
class Line:
    """One generated sentence and the source sentences it came from.

    kind is "source" (a cleaned source sentence), "derived" (built only from
    words of the cited sentences and fixed template words) or "fixed"
    (Plotguide's own wording, such as a theme's meaning, claiming nothing
    about the film).
    """

    text: str
    sources: tuple[int, ...] = ()
    kind: str = SOURCE


@dataclass(frozen=True)
class SourceSentence:
    """One numbered sentence of the cleaned plot.

    lemmas (space-separated) let validators accept "pays" for "paid" when
    they re-check a stored story without the parser.
    """

    id: int
    text: str
    paragraph: int = 0
    lemmas: str = ""


@dataclass(frozen=True)
class Relationship:
    """How one character relates to another main character."""

    other: str
    kind: str
    sources: tuple[int, ...]


@dataclass(frozen=True)
class Character:
    """A person of the plot with merged aliases and evidence."""

    name: str
    aliases: tuple[str, ...]
    role: str
    salience: float
    mentions: tuple[int, ...]
    actor: str | None = None
    profile: tuple[Line, ...] = ()
    arc: tuple[Line, ...] = ()
    fate: Line | None = None
    relationships: tuple[Relationship, ...] = ()


@dataclass(frozen=True)
class TurningPoint:
    """One of the five turning points, anchored to one source sentence."""

    key: str
    name: str
    sentence: int


@dataclass(frozen=True)
class TimelineEvent:
    """A titled stretch of the plot with 1 to 3 source sentences."""

    title: Line
    lines: tuple[Line, ...]
    turning_points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Timeline:
    """Events in source order, the turning points and the spoiler boundary."""

    events: tuple[TimelineEvent, ...]
    turning_points: tuple[TurningPoint, ...]
    spoiler_boundary: int
    note: str = ""


@dataclass(frozen=True)
class PlotSummary:
    """The plot in paragraphs with the final act set apart."""

    paragraphs: tuple[tuple[Line, ...], ...]
    ending_start: int
    ending: tuple[Line, ...]
    ending_meaning: tuple[Line, ...]
    note: str = ""


@dataclass(frozen=True)
class SettingItem:
    """A time period or location with its evidence, or "not stated"."""

    value: str
    sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class Setting:
    """When and where the story takes place, as the plot states it."""

    time_period: SettingItem
    locations: tuple[SettingItem, ...]


@dataclass(frozen=True)
class Theme:
    """One theme from Plotguide's taxonomy, tied to evidence in this plot."""

    id: str
    emoji: str
    name: str
    meaning: str
    score: float
    paragraph: tuple[Line, ...]


@dataclass(frozen=True)
class SpoilerFree:
    """Premise, protagonists and stakes from before the point of no return."""

    lines: tuple[Line, ...]
    boundary: int
    note: str = ""


@dataclass(frozen=True)
class QuizQuestion:
    """A multiple-choice question whose answer a cited sentence states."""

    question: str
    options: tuple[str, ...]
    answer: int
    kind: str
    sources: tuple[int, ...]


@dataclass(frozen=True)
class Quiz:
    """Questions in plot order; note says why there are few when there are."""

    questions: tuple[QuizQuestion, ...]
    note: str = ""


@dataclass(frozen=True)
class AfterCredits:
    """Whether to stay after the credits: known from metadata, the plot, or not."""

    kind: str
    text: str
    source: str
    sources: tuple[int, ...] = ()


@dataclass(frozen=True)
class StoryVector:
    """What similar films compare: the story's meaning and its words.

    terms are hashed lemma weights (index, weight), L2-normalised; arc is the
    relative position of the five turning points; meaning is the unit mean of
    the plot sentences' embeddings (vector.meaning_text), "" when the engine
    ran without a sentence encoder.
    """

    terms: tuple[tuple[int, float], ...]
    themes: tuple[str, ...]
    arc: tuple[float, ...]
    meaning: str = ""


@dataclass(frozen=True)
class Check:
    """The outcome of one faithfulness check over a story."""

    name: str
    passed: bool
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionAuthor:
    """Which engine wrote one section, so readers and editors know what to trust.

    written_count and kept_count count the sentences a model wrote and those
    its checks kept; note says why a section fell back to the offline engine.
    """

    section: str
    engine: str
    model: str = ""
    tokens: int = 0
    written_count: int = 0
    kept_count: int = 0
    note: str = ""


@dataclass(frozen=True)
class Story:
    """Every section of one film's story page plus the faithfulness report."""

    title: str
    year: int | None
    engine: str
    engine_version: str
    sentences: tuple[SourceSentence, ...]
    summary: PlotSummary
    timeline: Timeline
    characters: tuple[Character, ...]
    setting: Setting
    themes: tuple[Theme, ...]
    spoiler_free: SpoilerFree
    quiz: Quiz
    after_credits: AfterCredits
    vector: StoryVector
    directors: tuple[str, ...] = ()
    genres: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    report: tuple[Check, ...] = ()
    written_by: tuple[SectionAuthor, ...] = ()
    format_version: int = field(default=FORMAT_VERSION)

    @property
    def is_publishable(self) -> bool:
        """True when every faithfulness check passed."""
        return bool(self.report) and all(check.passed for check in self.report)

    def failed_checks(self) -> tuple[Check, ...]:
        """The checks that failed, for messages and review queues."""
        return tuple(check for check in self.report if not check.passed)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict of the whole story."""
        from plotguide.engine.serialize import to_plain

        plain: dict[str, Any] = to_plain(self)
        return plain

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        """Rebuild a Story from `to_dict()` output; raises StoryFormatError."""
        from plotguide.engine.serialize import story_from_plain

        return story_from_plain(data)
