"""The sections the writer writes: what to ask for and how an answer replaces a section.

Each section builds its written lines in a fixed layout, so the paths that the
checks name ("summary.paragraphs[0][2]") identify the written sentence; `apply`
leaves out the sentences at rejected paths and lays the others out again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol

from plotguide.engine.story import (
    DERIVED,
    Character,
    Line,
    Story,
    Theme,
    TimelineEvent,
)
from plotguide.engine.text import words
from plotguide.engine.writer.attribution import people_index
from plotguide.engine.writer.guards import DESCRIPTION_WORDS
from plotguide.engine.writer.prompts import cited, shown, span
from plotguide.engine.writer.schema import TEXT, WRITTEN, Schema, array, lines, obj

PARAGRAPH_LINES = 4
# Arcs asked for in one answer; more would not fit in max_answer_tokens.
MAIN_CHARACTERS = 6


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

    def misplaced(
        self, story: Story, drafts: tuple[tuple[str, Line], ...]
    ) -> Iterator[str]: ...


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

    def misplaced(
        self, story: Story, drafts: tuple[tuple[str, Line], ...]
    ) -> Iterator[str]:
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

    def misplaced(
        self, story: Story, drafts: tuple[tuple[str, Line], ...]
    ) -> Iterator[str]:
        """Nothing: the spoiler-boundary check names a sentence citing too late."""
        return iter(())


class TimelineSection:
    """Titles and one-line descriptions of the timeline's events.

    A rejected title or description keeps the offline engine's.
    """

    name = "timeline"
    prefix = "timeline."

    def request(self, story: Story) -> Request | None:
        events = story.timeline.events
        if not events:
            return None
        listed = "\n".join(
            f"Event {n}, from sentences {shown_all(event_ids(e))}: "
            + " ".join(line.text for line in e.lines)
            for n, e in enumerate(events, 1)
        )
        item = obj(event={"type": "integer", "minimum": 1}, title=TEXT, line=WRITTEN)
        return Request(
            "For each timeline event below give a 'title' of 2 to 6 words that "
            "says who does what in it, and a 'line': one sentence of at most "
            f"{DESCRIPTION_WORDS} words that tells what happens in it, citing only "
            "that event's sentences. Use only the words of that event.\n"
            f"{listed}",
            obj(events=array(item, 1, len(events))),
        )

    def apply(
        self, story: Story, answer: dict[str, Any], rejected: frozenset[str]
    ) -> Written:
        events = list(story.timeline.events)
        drafts: list[tuple[str, Line]] = []
        for n, item in numbered(answer["events"], "event", len(events)).items():
            text = " ".join(item["title"].split()).rstrip(".")
            title = Line(text, event_ids(events[n]), DERIVED)
            drafts.append((f"timeline.events[{n}].title", title))
            drafts.append((f"timeline.events[{n}].lines[0]", to_line(item["line"])))
        kept = 0
        for where, line in drafts:
            if where in rejected:
                continue
            n = index_in(where)
            if where.endswith(".title"):
                events[n] = replace(events[n], title=line)
            else:
                events[n] = replace(events[n], lines=(line,))
            kept += 1
        timeline = replace(story.timeline, events=tuple(events))
        return Written(replace(story, timeline=timeline), tuple(drafts), kept, kept > 0)

    def misplaced(
        self, story: Story, drafts: tuple[tuple[str, Line], ...]
    ) -> Iterator[str]:
        """Yield "where: why" for descriptions citing outside their event.

        A description citing another event's sentence would break the
        timeline's order; one without its event's turning point would unmark it.
        """
        events = story.timeline.events
        points = {tp.key: tp.sentence for tp in story.timeline.turning_points}
        for where, line in drafts:
            if where.endswith(".title"):
                continue
            event = events[index_in(where)]
            own = event_ids(event)
            outside = sorted(set(line.sources) - set(own))
            if outside:
                yield (
                    f"{where}: cites sentences {outside}, outside its event's "
                    f"sentences {list(own)}"
                )
            for key in event.turning_points:
                sentence = points[key]
                if sentence not in line.sources:
                    yield f"{where}: leaves out sentence {sentence}, its turning point"


class ItemSection:
    """1 to 3 written sentences for each of a section's items, laid out by item.

    The items (characters, themes) stay the offline engine's; only their
    sentences are written, and an item whose written sentences are all
    rejected keeps its offline ones.
    """

    name = ""
    prefix = ""  # "characters[": paths are "characters[<item>].<part>[<n>]"
    key = ""  # what the model numbers the items by: "character"
    part = ""  # the item's written field: "arc"
    ask = ""  # the instruction before the listed items

    def items(self, story: Story) -> tuple[Any, ...]:
        raise NotImplementedError

    def ident(self, item: Any) -> str:
        """Return how paths name the item."""
        raise NotImplementedError

    def describe(self, item: Any) -> str:
        """Return the item as the model is shown it, after its number."""
        raise NotImplementedError

    def stored(self, story: Story, written: dict[str, tuple[Line, ...]]) -> Story:
        """Return story with the written items' sentences in place.

        The section's name is the Story field that holds its items.
        """
        held: Any = tuple(
            replace(item, **{self.part: written[self.ident(item)]})
            if self.ident(item) in written
            else item
            for item in getattr(story, self.name)
        )
        return replace(story, **{self.name: held})

    def misplaced(
        self, story: Story, drafts: tuple[tuple[str, Line], ...]
    ) -> Iterator[str]:
        """Nothing by default: the checks see what the item's sentences cite."""
        return iter(())

    def request(self, story: Story) -> Request | None:
        items = self.items(story)
        if not items:
            return None
        listed = "\n".join(
            f"{self.key.title()} {n}: {self.describe(item)}"
            for n, item in enumerate(items, 1)
        )
        schema = obj(
            **{self.key: {"type": "integer", "minimum": 1}}, **{self.part: lines(1, 3)}
        )
        return Request(
            f"{self.ask}\n{listed}", obj(**{self.name: array(schema, 1, len(items))})
        )

    def apply(
        self, story: Story, answer: dict[str, Any], rejected: frozenset[str]
    ) -> Written:
        items = self.items(story)
        chosen = numbered(answer[self.name], self.key, len(items))
        drafts = tuple(
            (f"{self.prefix}{self.ident(items[n])}].{self.part}[{m}]", to_line(one))
            for n, item in chosen.items()
            for m, one in enumerate(item[self.part])
        )
        written: dict[str, tuple[Line, ...]] = {}
        for where, line in drafts:
            if where not in rejected:
                ident = item_key(where, self.prefix)
                written[ident] = (*written.get(ident, ()), line)
        kept = sum(len(held) for held in written.values())
        return Written(self.stored(story, written), drafts, kept, kept > 0)


class CharactersSection(ItemSection):
    """The main characters' arcs; name, actor, role and fate stay the offline ones."""

    name = "characters"
    prefix = "characters["
    key = "character"
    part = "arc"
    ask = (
        "For each character below write their arc: 1 to 3 sentences, in the "
        "order of the plot, on what they do and what becomes of them. Every "
        "sentence names the character and cites only sentences that name them."
    )

    def items(self, story: Story) -> tuple[Character, ...]:
        """Return the characters with an offline arc, the most salient first."""
        return tuple(c for c in story.characters if c.arc)[:MAIN_CHARACTERS]

    def ident(self, item: Character) -> str:
        return item.name

    def describe(self, item: Character) -> str:
        also = f" (also {', '.join(item.aliases)})" if item.aliases else ""
        return f"{item.name}{also}, named in sentences {shown_all(item.mentions)}"

    def misplaced(
        self, story: Story, drafts: tuple[tuple[str, Line], ...]
    ) -> Iterator[str]:
        """Yield "where: why" for arc sentences not about their character.

        An arc sentence must name its character (a word that names no one
        else) and cite only sentences that name them.
        """
        people = people_index((c.name, c.aliases) for c in story.characters)
        by_name = {c.name: c for c in story.characters}
        for where, line in drafts:
            character = by_name[item_key(where, self.prefix)]
            named = {
                name
                for word in words(line.text)
                for names in [people.get(re.sub(r"['’]s$", "", word), frozenset())]
                if len(names) == 1
                for name in names
            }
            if character.name not in named:
                yield f"{where}: does not name {character.name}"
            outside = sorted(set(line.sources) - set(character.mentions))
            if outside:
                yield f"{where}: cites sentences {outside}, which do not name them"


class ThemesSection(ItemSection):
    """How the film treats each theme; which themes, and their names, stay offline."""

    name = "themes"
    prefix = "themes["
    key = "theme"
    part = "paragraph"
    ask = (
        "For each theme below write 1 to 3 sentences on how this film treats "
        "it: what happens in the plot that shows it, citing the plot sentences "
        "that state what you write."
    )

    def items(self, story: Story) -> tuple[Theme, ...]:
        return story.themes

    def ident(self, item: Theme) -> str:
        return item.id

    def describe(self, item: Theme) -> str:
        cited = sorted({i for line in item.paragraph for i in line.sources})
        return f"{item.name} ({item.meaning}); it shows in sentences {shown_all(cited)}"


def shown_all(ids: Iterable[int]) -> list[int]:
    """Return sentence ids as the model counts them."""
    return [shown(i) for i in ids]


def event_ids(event: TimelineEvent) -> tuple[int, ...]:
    """Return the sentence ids an event's lines cite: what its title may use."""
    return tuple(i for line in event.lines for i in line.sources)


def numbered(items: list[dict[str, Any]], key: str, count: int) -> dict[int, Any]:
    """Return {index: item} for items numbered from 1 under key; the first wins."""
    chosen: dict[int, Any] = {}
    for item in items:
        if 1 <= item[key] <= count:
            chosen.setdefault(item[key] - 1, item)
    return dict(sorted(chosen.items()))


def index_in(where: str) -> int:
    """Return the first index of a path: 3 in "timeline.events[3].title"."""
    return int(where.split("[", 1)[1].split("]", 1)[0])


def item_key(where: str, prefix: str) -> str:
    """Return the item a path names: "Nora" in "characters[Nora].arc[0]"."""
    return where[len(prefix) :].rsplit("].", 1)[0]


SECTIONS: dict[str, Section] = {
    section.name: section
    for section in (
        SummarySection(),
        TimelineSection(),
        CharactersSection(),
        ThemesSection(),
        SpoilerFreeSection(),
    )
}
