"""The `summary` component: the plot in paragraphs and the ending explained."""

from __future__ import annotations

from dataclasses import replace

from plotguide.engine.doc import Sentence, StoryDoc
from plotguide.engine.registry import component
from plotguide.engine.story import (
    DERIVED,
    SOURCE,
    Character,
    Line,
    PlotSummary,
)

PARAGRAPH_SENTENCES = 4
ENDING_CHARACTERS = 3


@component("summary", requires=("sentences", "characters", "timeline"))
def build_summary(doc: StoryDoc) -> StoryDoc:
    """Set the final act (from the major setback on) apart as the ending.

    The rest keeps the source's paragraphs when it has them, so the reader
    sees the plot as written, cleaned of doubled names and citation marks.
    """
    sentences = tuple(s for s in doc.sentences or () if s.tokens)
    timeline = doc.timeline
    turning_points = {tp.key: tp.sentence for tp in timeline.turning_points}
    count = len(sentences)
    if "tp4" in turning_points:
        ending_start = turning_points["tp4"]
    elif count >= 2:
        ending_start = sentences[count - max(1, round(count / 4))].id
    else:
        ending_start = (sentences[-1].id + 1) if sentences else 0
    body = [s for s in sentences if s.id < ending_start]
    ending = tuple(
        Line(s.text, (s.id,), SOURCE) for s in sentences if s.id >= ending_start
    )
    note = "" if ending else "The plot is too short to set an ending apart."
    if not sentences:
        note = "There is no plot text to summarise."
    summary = PlotSummary(
        paragraphs=_paragraphs(body),
        ending_start=ending_start,
        ending=ending,
        ending_meaning=_meaning(doc.characters or (), sentences, ending_start)
        if ending
        else (),
        note=note,
    )
    return replace(doc, summary=summary)


def _paragraphs(body: list[Sentence]) -> tuple[tuple[Line, ...], ...]:
    groups: list[list[Sentence]] = []
    has_paragraphs = len({s.paragraph for s in body}) > 1
    for sentence in body:
        starts_new = not groups or (
            sentence.paragraph != groups[-1][-1].paragraph
            if has_paragraphs
            else len(groups[-1]) >= PARAGRAPH_SENTENCES
        )
        if starts_new:
            groups.append([])
        groups[-1].append(sentence)
    return tuple(
        tuple(Line(s.text, (s.id,), SOURCE) for s in group) for group in groups
    )


def _meaning(
    characters: tuple[Character, ...],
    sentences: tuple[Sentence, ...],
    ending_start: int,
) -> tuple[Line, ...]:
    """Say where the ending leaves each main character, from their last mention."""
    by_id = {s.id: s for s in sentences}
    lines = []
    for character in _main(characters):
        last = character.mentions[-1]
        if character.fate and character.fate.sources[0] >= ending_start:
            lines.append(character.fate)
        elif last >= ending_start and last in by_id:
            lines.append(
                Line(
                    f"{character.name}'s last moment: {by_id[last].text}",
                    (last,),
                    DERIVED,
                )
            )
        elif last in by_id:
            lines.append(
                Line(
                    f"{character.name} plays no part in the final act; "
                    "the last mention comes earlier.",
                    (last,),
                    DERIVED,
                )
            )
    return tuple(lines)


def _main(characters: tuple[Character, ...]) -> list[Character]:
    ranked = sorted(
        characters,
        key=lambda c: (c.role != "protagonist", c.role != "antagonist", -c.salience),
    )
    return ranked[:ENDING_CHARACTERS]
