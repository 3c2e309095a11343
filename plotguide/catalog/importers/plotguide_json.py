"""Plotguide's own JSON catalogue, as written by `plotguide export`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from plotguide.catalog.importers.reading import (
    check_plot,
    read_text,
    undecodable,
    web_url,
)
from plotguide.catalog.importers.records import (
    BOTH_SCENES,
    CAST,
    DIRECTOR,
    MID_CREDITS,
    NO_SCENE,
    NOMINATED,
    POST_CREDITS,
    WON,
    WRITER,
    AwardRecord,
    CreditRecord,
    FilmRecord,
    ImportFormatError,
    Location,
    PostCreditsRecord,
    Rejection,
)

SOURCE = "plotguide-json"
FORMAT_NAME = "plotguide-catalog"
ROLES = {CAST, DIRECTOR, WRITER}
OUTCOMES = {WON, NOMINATED}
KINDS = {NO_SCENE, MID_CREDITS, POST_CREDITS, BOTH_SCENES}
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,90}$")
_COLLECTION_FIELDS = (
    ("slug", str, "a string"),
    ("title", str, "a string"),
    ("description", str, "a string"),
    ("films", list, "a list of film slugs"),
    ("notes", list, "a list of strings"),
)


def load_document(path: Path) -> dict[str, Any]:
    """Return the parsed document after checking it is a Plotguide catalogue."""
    text = read_text(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            f"{path}, line {exc.lineno}: not valid JSON ({exc.msg})."
        ) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportFormatError(
            f'{path}: not a Plotguide catalogue (expected "format": '
            f'"{FORMAT_NAME}", as written by `plotguide export`).'
        )
    if not isinstance(document.get("films"), list):
        raise ImportFormatError(f'{path}: "films" must be a list.')
    _check_collections(path, document.get("collections", []))
    return document


def _check_collections(path: Path, collections: object) -> None:
    """Check the collections' shape before anything is written.

    They are written after the films, in the same transaction: a bad one found
    only then would have failed the whole import with a traceback.
    """
    if not isinstance(collections, list):
        raise ImportFormatError(f'{path}: "collections" must be a list.')
    for number, data in enumerate(collections, start=1):
        where = f"{path}, collection {number}"
        if not isinstance(data, dict):
            raise ImportFormatError(f"{where}: each collection must be an object.")
        for name, kind, expected in _COLLECTION_FIELDS:
            value = data.get(name, kind())
            if not isinstance(value, kind) or (
                kind is list and not all(isinstance(item, str) for item in value)
            ):
                raise ImportFormatError(f'{where}: "{name}" must be {expected}.')
        if not _SLUG.match(data.get("slug", "")) or not data.get("title"):
            raise ImportFormatError(
                f'{where}: "slug" (letters, digits, - and _) and "title" are needed.'
            )


def parse(path: Path) -> Iterator[FilmRecord | Rejection]:
    """Yield a record per film of the exported catalogue."""
    document = load_document(path)
    for number, data in enumerate(document["films"], start=1):
        location = Location(str(path), number)
        try:
            yield _record(location, data)
        except (KeyError, TypeError, ValueError) as exc:
            yield Rejection(location, f"film {number}: {_describe(exc)}")


def _describe(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}"
    return str(exc)


def _record(location: Location, data: dict[str, Any]) -> FilmRecord | Rejection:
    if not isinstance(data, dict):
        raise TypeError("each film must be a JSON object")
    title = _text(data, "title", required=True).strip()
    if not title:
        raise ValueError("the title is empty")
    plot = _text(data, "plot")
    problem = undecodable([title, plot]) or check_plot(plot)
    if problem:
        return Rejection(location, problem)
    credits = tuple(
        CreditRecord(
            name=_text(item, "name", required=True),
            role=_choice(item.get("role", CAST), ROLES, "role"),
            character=_text(item, "character"),
            order=item.get("order"),
        )
        for item in data.get("credits") or ()
    )
    awards = tuple(
        AwardRecord(
            ceremony=_text(item, "ceremony", required=True),
            outcome=_choice(item["outcome"], OUTCOMES, "outcome"),
            category=_text(item, "category"),
            year=item.get("year"),
            count=int(item.get("count") or 1),
        )
        for item in data.get("awards") or ()
    )
    post = data.get("post_credits")
    url, warnings = web_url(_text(data, "plot_source_url"))
    slug = _text(data, "slug")
    if slug and not _SLUG.match(slug):
        warnings += (f"slug {slug[:60]!r} replaced: only letters, digits, - and _",)
        slug = ""
    return FilmRecord(
        source=SOURCE,
        location=location,
        title=title,
        year=_optional_int(data.get("year"), "year"),
        slug=slug,
        release_date=date.fromisoformat(data["release_date"])
        if data.get("release_date")
        else None,
        runtime_minutes=_optional_int(data.get("runtime_minutes"), "runtime_minutes"),
        plot=plot,
        plot_source=_text(data, "plot_source"),
        plot_source_url=url,
        plot_licence=_text(data, "plot_licence"),
        overview=_text(data, "overview"),
        imdb_id=_text(data, "imdb_id"),
        tmdb_id=_optional_int(data.get("tmdb_id"), "tmdb_id"),
        wikipedia_id=_optional_int(data.get("wikipedia_id"), "wikipedia_id"),
        origin=_text(data, "origin"),
        credits=credits,
        studios=_texts(data, "studios"),
        genres=_texts(data, "genres"),
        keywords=_texts(data, "keywords"),
        awards=awards,
        post_credits=None
        if not post
        else PostCreditsRecord(
            kind=_choice(post["kind"], KINDS, "post_credits.kind"),
            description=_text(post, "description"),
            source=_text(post, "source"),
        ),
        warnings=warnings,
    )


def _text(data: dict[str, Any], name: str, *, required: bool = False) -> str:
    """Return a text field; a number or a list where text belongs is an error,
    never its str() ("{'a': 1}" as a title)."""
    value = data[name] if required else data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text, not {value!r}"[:200])
    return value


def _texts(data: dict[str, Any], name: str) -> tuple[str, ...]:
    """Return a list-of-text field; a string there ("abc") is not three names."""
    value = data.get(name)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{name} must be a list of text, not {value!r}"[:200])
    return tuple(value)


def _choice(value: object, options: set[str], name: str) -> str:
    if value not in options:
        raise ValueError(
            f"{name} is {value!r}; expected one of {', '.join(sorted(options))}"
        )
    return str(value)


def _optional_int(value: object, name: str) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, not {value!r}")
    return value
