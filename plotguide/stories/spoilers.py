"""What a reader may see of a story, by the spoiler choice they made.

One definition serves the site and the API: what is hidden is removed from
the data itself, never merely flagged, so no template or client can leak it.

Modes: "none" (premise, setting, who is who, nothing that cites a sentence at
or after the point of no return), "upto:N" (everything up to the end of
timeline event N, counting from 0) and "all".
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

NONE = "none"
ALL = "all"
UPTO = "upto"
_UPTO = re.compile(r"^upto:(\d{1,4})$")


class SpoilerModeError(ValueError):
    """A spoilers value a reader or client sent is not a spoiler mode."""


@dataclass(frozen=True)
class SpoilerMode:
    """A reader's choice; cutoff is the last source sentence they may see."""

    name: str
    event: int | None = None

    def __str__(self) -> str:
        return f"{UPTO}:{self.event}" if self.name == UPTO else self.name


def parse_mode(value: str | None, default: str = NONE) -> SpoilerMode:
    """Return the mode a query parameter or cookie names; raise on anything else."""
    value = (value or default).strip().lower()
    if value in (NONE, ALL):
        return SpoilerMode(value)
    match = _UPTO.match(value)
    if match:
        return SpoilerMode(UPTO, int(match.group(1)))
    raise SpoilerModeError(
        f"spoilers={value!r} is not a spoiler mode; use 'none', 'upto:<event>' "
        "(an event number from the timeline, from 0) or 'all'."
    )


def cutoff(data: dict[str, Any], mode: SpoilerMode) -> int:
    """Return the index of the last source sentence this mode may show."""
    sentence_count = len(data.get("sentences", []))
    if mode.name == ALL:
        return sentence_count - 1
    timeline = data.get("timeline", {})
    boundary = int(timeline.get("spoiler_boundary", 0))
    if mode.name == NONE:
        return premise_end(data)
    events = timeline.get("events", [])
    if not events:
        return boundary - 1
    event = events[min(mode.event or 0, len(events) - 1)]
    cited = [
        source
        for line in (event["title"], *event["lines"])
        for source in line.get("sources", [])
    ]
    return max(cited, default=boundary - 1)


def premise_end(data: dict[str, Any]) -> int:
    """Return the last sentence the spoiler-free summary cites: "no spoilers"
    shows the premise and nothing past it, in any section."""
    boundary = int(data.get("timeline", {}).get("spoiler_boundary", 0))
    cited = [
        source
        for line in data.get("spoiler_free", {}).get("lines", [])
        for source in line.get("sources", [])
    ]
    return min(boundary - 1, max(cited, default=-1))


def visible_story(data: dict[str, Any], mode: SpoilerMode) -> dict[str, Any]:
    """Return a copy of the story holding only what this mode may show."""
    if mode.name == ALL:
        return copy.deepcopy(data)
    last = cutoff(data, mode)
    shown = copy.deepcopy(data)
    shown["sentences"] = [s for s in data.get("sentences", []) if s["id"] <= last]
    shown["spoiler_mode"] = str(mode)
    shown["visible_through_sentence"] = last
    _filter_timeline(shown, last)
    _filter_summary(shown, last)
    _filter_characters(shown, last, keep_arcs=mode.name == UPTO)
    _filter_setting(shown, last)
    _filter_themes(shown, last)
    _filter_quiz(shown, data, last)
    after = data.get("after_credits", {})
    if not _within(after.get("sources", []), last):
        shown["after_credits"] = {**after, "text": "", "sources": []}
    shown["report"] = []
    shown.pop("vector", None)
    if mode.name == NONE:
        shown["timeline"]["events"] = []
        shown["summary"]["paragraphs"] = []
        shown["themes"] = []
    return shown


def _within(sources: list[int], last: int) -> bool:
    return all(source <= last for source in sources)


def _lines(lines: list[dict[str, Any]], last: int) -> list[dict[str, Any]]:
    return [line for line in lines if _within(line.get("sources", []), last)]


def _filter_timeline(shown: dict[str, Any], last: int) -> None:
    timeline = shown.get("timeline", {})
    timeline["events"] = [
        event
        for event in timeline.get("events", [])
        if _within(event["title"].get("sources", []), last)
        and all(_within(line.get("sources", []), last) for line in event["lines"])
    ]
    timeline["turning_points"] = [
        point
        for point in timeline.get("turning_points", [])
        if point["sentence"] <= last
    ]


def _filter_summary(shown: dict[str, Any], last: int) -> None:
    summary = shown.get("summary", {})
    summary["paragraphs"] = [
        kept
        for kept in (_lines(p, last) for p in summary.get("paragraphs", []))
        if kept
    ]
    if summary.get("ending_start", 0) > last:
        summary["ending"] = []
        summary["ending_meaning"] = []
    else:
        summary["ending"] = _lines(summary.get("ending", []), last)
        summary["ending_meaning"] = _lines(summary.get("ending_meaning", []), last)


def _filter_characters(shown: dict[str, Any], last: int, *, keep_arcs: bool) -> None:
    text = " ".join(sentence["text"] for sentence in shown.get("sentences", []))
    characters = []
    for character in shown.get("characters", []):
        mentions = [m for m in character.get("mentions", []) if m <= last]
        if not mentions:
            continue
        character["mentions"] = mentions
        # Another name the plot gives only later ("Green Goblin") is a reveal.
        character["aliases"] = [
            alias
            for alias in character.get("aliases", [])
            if _names(alias).search(text) or _names(alias).search(character["name"])
        ]
        character["profile"] = _lines(character.get("profile", []), last)
        character["arc"] = _lines(character.get("arc", []), last) if keep_arcs else []
        fate = character.get("fate")
        if not keep_arcs or (fate and not _within(fate.get("sources", []), last)):
            character["fate"] = None
        character["relationships"] = [
            relation
            for relation in character.get("relationships", [])
            if keep_arcs and _within(relation.get("sources", []), last)
        ]
        characters.append(character)
    names = {character["name"] for character in characters}
    for character in characters:
        character["relationships"] = [
            r for r in character["relationships"] if r.get("other") in names
        ]
    shown["characters"] = characters


def _filter_themes(shown: dict[str, Any], last: int) -> None:
    themes = []
    for theme in shown.get("themes", []):
        kept = _lines(theme.get("paragraph", []), last)
        # A theme's fixed meaning cites nothing: a theme stays only while some
        # line of its evidence is shown, or its name would tell of later events.
        if any(line.get("sources") for line in kept):
            themes.append({**theme, "paragraph": kept})
    shown["themes"] = themes


def _filter_quiz(shown: dict[str, Any], data: dict[str, Any], last: int) -> None:
    """Keep the questions about shown sentences whose options give nothing away:
    a wrong option can be a character met later or a deed from the ending."""
    sentences = data.get("sentences", [])
    seen = " ".join(s["text"] for s in sentences if s["id"] <= last)
    later = " ".join(s["text"] for s in sentences if s["id"] > last)
    shown["quiz"] = {
        **data.get("quiz", {}),
        "questions": [
            question
            for question in data.get("quiz", {}).get("questions", [])
            if _within(question.get("sources", []), last)
            and not any(
                _names(option).search(later) and not _names(option).search(seen)
                for option in question.get("options", [])
            )
        ],
    }


def _filter_setting(shown: dict[str, Any], last: int) -> None:
    setting = shown.get("setting", {})
    period = setting.get("time_period")
    if period and not _within(period.get("sources", []), last):
        setting["time_period"] = {"value": "not stated", "sources": []}
    setting["locations"] = [
        location
        for location in setting.get("locations", [])
        if _within(location.get("sources", []), last)
    ]


def event_choices(data: dict[str, Any], mode: SpoilerMode) -> list[tuple[int, str]]:
    """Return the timeline events a reader can stop at, named without spoilers.

    Events this mode shows keep their titles; later ones only their number,
    so the picker itself never says what the reader's choice hides.
    """
    last = cutoff(data, mode)
    choices = []
    for index, event in enumerate(data.get("timeline", {}).get("events", [])):
        lines = (event["title"], *event["lines"])
        if all(_within(line.get("sources", []), last) for line in lines):
            choices.append((index, f"{index + 1}. {event['title']['text']}"))
        else:
            choices.append((index, f"{index + 1}. (a later event)"))
    return choices


def visible_reasons(
    reasons: list[str], data: dict[str, Any], mode: SpoilerMode
) -> list[str]:
    """Return the similar-film reasons this mode may show.

    "both follow Anton Chigurh" names a main character; where the reader's
    choice stops before that character is first mentioned, the reason goes.
    """
    if mode.name == ALL:
        return list(reasons)
    last = cutoff(data, mode)
    hidden = [
        _names(name)
        for character in data.get("characters", [])
        if min(character.get("mentions") or [last + 1]) > last
        for name in (character["name"], *character.get("aliases", []))
    ]
    return [r for r in reasons if not any(name.search(r) for name in hidden)]


def _names(name: str) -> re.Pattern[str]:
    """Return a pattern finding a name as whole words ("Joe", never "Joey")."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
