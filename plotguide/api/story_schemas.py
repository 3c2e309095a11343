"""Response shapes of a film's story, its similar films and its quiz.

The story shape lists only what a reader may see: the faithfulness report,
the similarity vector and the quiz answers are not fields, so they can never
be serialised, whatever the spoiler mode.
"""

from __future__ import annotations

from ninja import Field, Schema

from plotguide.api.schemas import FilmRef, FilmSummary


class LineOut(Schema):
    text: str
    sources: list[int] = Field(description="Ids of the plot sentences it came from.")
    kind: str = Field(description="'source', 'derived' or 'fixed'.")


class SentenceOut(Schema):
    id: int
    text: str
    paragraph: int


class SummaryOut(Schema):
    paragraphs: list[list[LineOut]]
    ending: list[LineOut]
    ending_meaning: list[LineOut]
    note: str = ""


class TurningPointOut(Schema):
    key: str
    name: str
    sentence: int


class EventOut(Schema):
    title: LineOut
    lines: list[LineOut]
    turning_points: list[str]


class TimelineOut(Schema):
    events: list[EventOut]
    turning_points: list[TurningPointOut]
    spoiler_boundary: int = Field(
        description="Id of the first sentence past the point of no return."
    )
    note: str = ""


class RelationshipOut(Schema):
    other: str
    kind: str
    sources: list[int]


class CharacterOut(Schema):
    name: str
    aliases: list[str]
    role: str
    actor: str | None
    mentions: list[int]
    profile: list[LineOut]
    arc: list[LineOut]
    fate: LineOut | None
    relationships: list[RelationshipOut]


class SettingItemOut(Schema):
    value: str
    sources: list[int]


class SettingOut(Schema):
    time_period: SettingItemOut
    locations: list[SettingItemOut]


class ThemeOut(Schema):
    id: str
    emoji: str
    name: str
    meaning: str
    paragraph: list[LineOut]


class SpoilerFreeOut(Schema):
    lines: list[LineOut]
    note: str = ""


class AfterCreditsOut(Schema):
    kind: str
    text: str
    source: str


class SpoilerChoiceOut(Schema):
    event: int = Field(description="Use as spoilers=upto:<event>.")
    label: str


class StoryOut(Schema):
    film: FilmRef
    spoilers: str = Field(description="The mode applied: none, upto:<event> or all.")
    spoiler_choices: list[SpoilerChoiceOut]
    sentences: list[SentenceOut]
    summary: SummaryOut
    timeline: TimelineOut
    characters: list[CharacterOut]
    setting: SettingOut
    themes: list[ThemeOut]
    spoiler_free: SpoilerFreeOut
    after_credits: AfterCreditsOut
    notes: list[str]


class SimilarOut(Schema):
    film: FilmSummary
    rank: int
    score: float
    reasons: list[str]


class QuestionOut(Schema):
    number: int
    question: str
    options: list[str]


class QuizOut(Schema):
    film: FilmRef
    questions: list[QuestionOut]


class QuizAnswersIn(Schema):
    answers: list[int | None] = Field(
        max_length=200,
        description="The option number chosen for each question in order; "
        "null or a missing entry counts as unanswered.",
    )


class CorrectionOut(Schema):
    question: str
    chosen: str | None
    answer: str
    is_correct: bool
    evidence: list[str] = Field(description="The plot sentences that hold the answer.")


class QuizResultOut(Schema):
    score: int
    total: int
    corrections: list[CorrectionOut]
