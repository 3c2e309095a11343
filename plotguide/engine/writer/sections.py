"""The sections the writer writes: what to ask for and how an answer replaces a section.

Each section builds its written lines in a fixed layout, so the paths that the
checks name ("summary.paragraphs[0][2]") identify the written sentence; `apply`
leaves out the sentences at rejected paths and lays the others out again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol

from plotguide.engine.story import DERIVED, Line, Story, TimelineEvent
from plotguide.engine.writer.prompts import cited, shown, span
from plotguide.engine.writer.schema import TEXT, Schema, array, lines, obj

PARAGRAPH_LINES = 4


@dataclass(frozen=True)
class Request:
    """One ask of the model: what to write and the JSON shape to answer in."""

    instruction: str
    schema: Schema


@dataclass(frozen=True)
class Written:
    """A section rebuilt from an answer.

    drafts are every written sentence at its path before any was left out;
    enough is false when too few survived for the section to stand.
    """

    story: Story
    drafts: tuple[tuple[str, Line], ...]
    kept_count: int
    enough: bool


class Section(Protocol):
    name: str
    prefix: str

    def request(self, story: Story) -> Request | None: ...

    def apply(
        self, story: Story, answer: dict[str, Any], rejected: frozenset[str]
    ) -> Written: ...


def to_line(item: dict[str, Any]) -> Line:
    """Return a written sentence as a derived Line: the checks treat it as one.

    The model cites sentences by the numbers it was shown; the Line holds ids.
    """
    sources = tuple(sorted({cited(number) for number in item["sources"]}))
    return Line(" ".join(item["text"].split()), sources, DERIVED)


class SummarySection:
    """The plot retold before the final act, then the ending explained."""

    name = "summary"
    prefix = "summary."

    def request(self, story: Story) -> Request | None:
        last = len(story.sentences) - 1
        start = story.summary.ending_start
        if not story.summary.ending or not 2 <= start <= last:
            return None
        return Request(
            "Retell the plot in the order it happens. 'story': 3 to 6 sentences "
            f"about {span(0, start - 1)} only. 'ending': 1 to 3 sentences "
            f"explaining how it ends, about {span(start, last)}.",
            obj(story=lines(2, 6), ending=lines(1, 3)),
        )

    def apply(
        self, story: Story, answer: dict[str, Any], rejected: frozenset[str]
    ) -> Written:
        told = [to_line(item) for item in answer["story"]]
        ending = [to_line(item) for item in answer["ending"]]
        drafts = [
            (f"summary.paragraphs[{n // PARAGRAPH_LINES}][{n % PARAGRAPH_LINES}]", line)
            for n, line in enumerate(told)
        ] + [(f"summary.ending[{n}]", line) for n, line in enumerate(ending)]
        kept = [(where, line) for where, line in drafts if where not in rejected]
        kept_told = [line for where, line in kept if where.startswith("summary.p")]
        kept_ending = [line for where, line in kept if where.startswith("summary.e")]
        paragraphs = tuple(
            tuple(kept_told[n : n + PARAGRAPH_LINES])
            for n in range(0, len(kept_told), PARAGRAPH_LINES)
        )
        summary = replace(
            story.summary, paragraphs=paragraphs, ending=tuple(kept_ending)
        )
        return Written(
            replace(story, summary=summary),
            tuple(drafts),
            len(kept_told) + len(kept_ending),
            len(kept_told) >= 2 and len(kept_ending) >= 1,
        )

    @staticmethod
    def misplaced(story: Story, drafts: tuple[tuple[str, Line], ...]) -> Iterator[str]:
        """Yield "where: why" for sentences citing the wrong side of the ending."""
        start = story.summary.ending_start
        for where, line in drafts:
            if where.startswith("summary.paragraphs") and max(line.sources) >= start:
                yield f"{where}: cites the final act (sentence {start} on)"
            if where.startswith("summary.ending") and max(line.sources) < start:
                yield f"{where}: cites nothing from sentence {start} on (the end)"


class SpoilerFreeSection:
    """A few sentences that set up the film without giving away its turn."""

    name = "spoiler_free"
    prefix = "spoiler_free."

    def request(self, story: Story) -> Request | None:
        boundary = story.spoiler_free.boundary
        if boundary < 2:
            return None
        return Request(
            "Write a spoiler-free summary: 2 to 4 sentences that say who the story "
            f"is about, where, and what is at stake, from {span(0, boundary - 1)} "
            f"only. Never mention sentence {shown(boundary)} or anything after it.",
            obj(sentences=lines(1, 4)),
        )

    def apply(
        self, story: Story, answer: dict[str, Any], rejected: frozenset[str]
    ) -> Written:
        drafts = tuple(
            (f"spoiler_free.lines[{n}]", to_line(item))
            for n, item in enumerate(answer["sentences"])
        )
        kept = tuple(line for where, line in drafts if where not in rejected)
        spoiler_free = replace(story.spoiler_free, lines=kept)
        return Written(
            replace(story, spoiler_free=spoiler_free), drafts, len(kept), bool(kept)
        )


class TimelineSection:
    """Titles for the timeline's events; a rejected title keeps the offline one."""

    name = "timeline"
    prefix = "timeline."

    def request(self, story: Story) -> Request | None:
        events = story.timeline.events
        if not events:
            return None
        listed = "\n".join(
            f"Event {n}, from sentences "
            f"{[shown(i) for line in e.lines for i in line.sources]}: "
            + " ".join(line.text for line in e.lines)
            for n, e in enumerate(events, 1)
        )
        title = obj(event={"type": "integer", "minimum": 1}, title=TEXT)
        return Request(
            "Give each timeline event below a title of 2 to 6 words that says who "
            "does what in it, made only from the words of that event.\n"
            f"{listed}",
            obj(titles=array(title, 1, len(events))),
        )

    def apply(
        self, story: Story, answer: dict[str, Any], rejected: frozenset[str]
    ) -> Written:
        events = list(story.timeline.events)
        titles: dict[int, str] = {}
        for item in answer["titles"]:
            number = item["event"] - 1  # events are numbered from 1 for the model
            if 0 <= number < len(events):
                titles.setdefault(number, " ".join(item["title"].split()))
        drafts = tuple(
            (f"timeline.events[{n}].title", self._title(events[n], text))
            for n, text in sorted(titles.items())
        )
        kept = 0
        for where, title in drafts:
            if where not in rejected:
                number = int(where.split("[")[1].split("]")[0])
                events[number] = replace(events[number], title=title)
                kept += 1
        timeline = replace(story.timeline, events=tuple(events))
        return Written(replace(story, timeline=timeline), drafts, kept, kept > 0)

    @staticmethod
    def _title(event: TimelineEvent, text: str) -> Line:
        sources = tuple(i for line in event.lines for i in line.sources)
        return Line(text.rstrip("."), sources, DERIVED)


SECTIONS: dict[str, Section] = {
    section.name: section
    for section in (SummarySection(), TimelineSection(), SpoilerFreeSection())
}
