"""What a spoiler mode must keep off every page, read from the stored story alone.

Nothing here calls the site's spoiler code: the boundary is recomputed from
its definition (docs/site.md), so a page that shows too much fails even when
the site's own filter is what went wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

# A long text is also looked for by its opening words, so a preview that
# cuts a sentence short still counts as showing it.
PREFIX_CHARS = 60


@dataclass(frozen=True)
class Forbidden:
    """A string the story puts past the boundary, and where the story has it."""

    kind: str
    text: str
    where: str

    @property
    def is_name(self) -> bool:
        return self.kind in ("name", "place")


def boundary(data: dict[str, Any], mode: str) -> int:
    """Return the last sentence a mode may show: "none" stops at the last one the
    spoiler-free summary cites (never at or past the point of no return);
    "upto:N" at the last one event N cites."""
    if mode == "none":
        point_of_no_return = int(data["timeline"]["spoiler_boundary"])
        cited = [s for line in data["spoiler_free"]["lines"] for s in line["sources"]]
        return min(point_of_no_return - 1, max(cited, default=-1))
    event = data["timeline"]["events"][int(mode.removeprefix("upto:"))]
    return max(s for line in (event["title"], *event["lines"]) for s in line["sources"])


def middle_event(data: dict[str, Any]) -> int:
    """Return the event in the middle of the timeline: a reader halfway through."""
    return (len(data["timeline"]["events"]) - 1) // 2


def forbidden_strings(data: dict[str, Any], last: int) -> list[Forbidden]:
    """Return every sentence, generated line, event title, quiz question, name and
    place the story puts past sentence `last` and nowhere before it.

    A name counts only where it first appears past the boundary: one the
    premise already gives may be shown.
    """
    seen = [s["text"] for s in data["sentences"] if s["id"] <= last]
    seen += [line["text"] for _, line in _lines(data) if _max(line) <= last]
    later = _normal(" ".join(s["text"] for s in data["sentences"] if s["id"] > last))
    found = [
        Forbidden("sentence", s["text"], f"sentence {s['id']}")
        for s in data["sentences"]
        if s["id"] > last
    ]
    found += [
        Forbidden("title" if where.endswith(".title") else "line", line["text"], where)
        for where, line in _lines(data)
        if _max(line) > last and line.get("kind") != "fixed"
    ]
    found += [
        Forbidden("question", q["question"], f"quiz question {n}")
        for n, q in enumerate(data.get("quiz", {}).get("questions", []))
        if max(q.get("sources") or [-1]) > last
    ]
    found += [
        Forbidden("name", name, f"character {character['name']}")
        for character in data.get("characters", [])
        for name in _late_names(character, last, later)
    ]
    found += [
        Forbidden("place", place["value"], "setting")
        for place in data.get("setting", {}).get("locations", [])
        # "not stated" cites nothing and names no place.
        if place.get("sources") and min(place["sources"]) > last
    ]
    found += [
        Forbidden(item.kind, item.text[:PREFIX_CHARS].rsplit(" ", 1)[0], item.where)
        for item in found
        if not item.is_name and len(item.text) > PREFIX_CHARS
    ]
    seen_text = _normal("\n".join(seen))
    title = _normal(data.get("title", ""))
    unique = {
        (item.kind, item.text): item
        for item in found
        if item.text.strip()
        and not _holds(seen_text, item)
        and not (item.is_name and _holds(title, item))
    }
    return list(unique.values())


def _late_names(character: dict[str, Any], last: int, later: str) -> list[str]:
    """Return the names of a character met past the boundary, or those of one
    met before it that the plot uses past it ("Green Goblin"); forbidden_strings
    keeps them only where the text before the boundary never uses them."""
    if min(character.get("mentions") or [last + 1]) > last:
        return [character["name"], *character.get("aliases", [])]
    return [
        alias
        for alias in character.get("aliases", [])
        if _holds(later, Forbidden("name", alias, ""))
        and not _holds(_normal(character["name"]), Forbidden("name", alias, ""))
    ]


def find_leaks(
    forbidden: Iterable[Forbidden],
    texts: Iterable[str],
    unnamed: Iterable[str] = (),
) -> list[str]:
    """Return "kind (where): text" for each forbidden string the texts show.

    Names are not looked for in `unnamed`: the cast list (the catalogue's
    public credits, shown in every mode, which name the characters) and any
    whole-page text that holds it.
    """
    texts = "\n".join(_normal(text) for text in texts)
    everything = texts + "\n" + "\n".join(_normal(text) for text in unnamed)
    return [
        f"{item.kind} ({item.where}): {item.text}"
        for item in forbidden
        if _holds(texts if item.is_name else everything, item)
    ]


def _holds(text: str, item: Forbidden) -> bool:
    probe = _normal(item.text)
    if item.is_name:
        return re.search(rf"(?<!\w){re.escape(probe)}(?!\w)", text) is not None
    return probe in text


def _normal(text: str) -> str:
    return " ".join(text.split())


def _max(line: dict[str, Any]) -> int:
    return max(line.get("sources") or [-1])


def _lines(value: Any, where: str = "story") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every generated line in the story (a dict with text and sources)."""
    if isinstance(value, dict):
        if isinstance(value.get("text"), str) and "sources" in value:
            yield where, value
        for key, item in value.items():
            if key != "sentences":
                yield from _lines(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _lines(item, f"{where}[{index}]")


def json_strings(value: Any) -> Iterator[str]:
    """Yield every string in a JSON document, keys apart."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)
