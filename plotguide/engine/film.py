"""The engine's input: one film's plot text and its credits."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from plotguide.engine.errors import FilmTextError

POST_CREDIT_KINDS = ("none", "mid", "post", "both")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class CastCredit:
    """One credited role: the actor and the character name the credits give."""

    actor: str
    character: str
    order: int | None = None


@dataclass(frozen=True)
class PostCredits:
    """What is known about scenes during or after the end credits."""

    kind: str
    description: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        if self.kind not in POST_CREDIT_KINDS:
            raise FilmTextError(
                f"post_credits.kind is {self.kind!r}; "
                f"expected one of {', '.join(POST_CREDIT_KINDS)}."
            )


@dataclass(frozen=True)
class FilmText:
    """Plot and credits of one film.

    `sentences` is optional: when given, the engine keeps exactly this
    segmentation (sentence i of the story is sentences[i]) instead of
    splitting `plot` itself, so annotations by sentence index stay valid.
    """

    title: str
    year: int | None
    plot: str
    cast: tuple[CastCredit, ...] = ()
    directors: tuple[str, ...] = ()
    studios: tuple[str, ...] = ()
    genres: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    post_credits: PostCredits | None = None
    sentences: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        where = f"film {self.title!r}" if isinstance(self.title, str) else "film"
        _expect(isinstance(self.title, str), "title", "a string", self.title, where)
        _expect(
            self.year is None
            or (isinstance(self.year, int) and not isinstance(self.year, bool)),
            "year",
            "an integer or None",
            self.year,
            where,
        )
        _expect(isinstance(self.plot, str), "plot", "a string", self.plot, where)
        for name in ("directors", "studios", "genres", "keywords", "sentences"):
            value = getattr(self, name)
            _expect(
                isinstance(value, tuple | list)
                and all(isinstance(item, str) for item in value),
                name,
                "a tuple of strings",
                value,
                where,
            )
            object.__setattr__(self, name, tuple(value))
        _expect(
            isinstance(self.cast, tuple | list)
            and all(isinstance(item, CastCredit) for item in self.cast),
            "cast",
            "a tuple of CastCredit",
            self.cast,
            where,
        )
        object.__setattr__(self, "cast", tuple(self.cast))
        _expect(
            self.post_credits is None or isinstance(self.post_credits, PostCredits),
            "post_credits",
            "a PostCredits or None",
            self.post_credits,
            where,
        )
        _check_unicode(self, where)

    @classmethod
    def from_meta(cls, plot: str, meta: Mapping[str, Any]) -> FilmText:
        """Build a FilmText from a plot and a META.json mapping.

        Raises FilmTextError naming the field when the mapping has the wrong shape.
        """
        if not isinstance(meta, Mapping):
            raise FilmTextError(
                f"META.json must be an object with 'title', 'year', 'cast', ...; "
                f"got {type(meta).__name__}."
            )
        title = meta.get("title")
        if not isinstance(title, str) or not title.strip():
            raise FilmTextError(
                "META.json field 'title' is missing or not a string. "
                'Add the film\'s title, e.g. "title": "Rush".'
            )
        where = f"META.json for {title!r}"
        year = meta.get("year")
        if isinstance(year, str) and year.strip().isascii() and year.strip().isdigit():
            year = int(year.strip())
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise FilmTextError(
                f"{where}: field 'year' is {year!r}; expected a number such as 1992 "
                "or null."
            )
        return cls(
            title=title.strip(),
            year=year,
            plot=plot if isinstance(plot, str) else _bad("plot", plot, where),
            cast=tuple(_cast(meta.get("cast") or (), where)),
            directors=_strings(meta, "directors", where),
            studios=_strings(meta, "studios", where),
            genres=_strings(meta, "genres", where),
            keywords=_strings(meta, "keywords", where),
            post_credits=_post_credits(meta.get("post_credits"), where),
        )


def _expect(ok: bool, field: str, expected: str, value: object, where: str) -> None:
    if not ok:
        raise FilmTextError(
            f"{where}: field '{field}' must be {expected}, got {type(value).__name__}."
        )


def _check_unicode(film: FilmText, where: str) -> None:
    """Reject lone surrogates, which a str holds but no text encoding can.

    They come from bytes decoded with errors="surrogateescape" or from JSON
    escapes such as "\\udc80"; spaCy fails on the whole plot when it meets one.
    """
    for field, text in _texts(film):
        match = None if text.isascii() else _LONE_SURROGATE.search(text)
        if match:
            raise FilmTextError(
                f"{where}: field '{field}' holds U+{ord(match.group()):04X} at "
                f"character {match.start()}, a lone surrogate that is not text. "
                "Decode the source as UTF-8, or drop the undecodable bytes."
            )


def _texts(film: FilmText) -> Iterator[tuple[str, str]]:
    yield "title", film.title
    yield "plot", film.plot
    for name in ("directors", "studios", "genres", "keywords", "sentences"):
        for item in getattr(film, name):
            yield name, item
    for number, credit in enumerate(film.cast):
        yield f"cast[{number}].actor", credit.actor
        yield f"cast[{number}].character", credit.character
    if film.post_credits is not None:
        yield "post_credits.description", film.post_credits.description
        yield "post_credits.source", film.post_credits.source


def _bad(field: str, value: object, where: str) -> str:
    raise FilmTextError(
        f"{where}: field '{field}' must be a string, got {type(value).__name__}."
    )


def _strings(meta: Mapping[str, Any], field: str, where: str) -> tuple[str, ...]:
    value = meta.get(field) or ()
    if not isinstance(value, list | tuple) or not all(
        isinstance(item, str) for item in value
    ):
        raise FilmTextError(
            f"{where}: field '{field}' must be a list of strings, e.g. [\"Drama\"]."
        )
    return tuple(item.strip() for item in value if item.strip())


def _cast(rows: object, where: str) -> list[CastCredit]:
    if isinstance(rows, str | Mapping) or not isinstance(rows, list | tuple):
        raise FilmTextError(
            f"{where}: field 'cast' must be a list of "
            '{"actor": ..., "character": ...} objects.'
        )
    credits = []
    for number, row in enumerate(rows):
        if not isinstance(row, Mapping):
            raise FilmTextError(
                f"{where}: cast[{number}] must be an object with 'actor' and "
                "'character'."
            )
        actor, character = row.get("actor", ""), row.get("character", "")
        if not isinstance(actor, str) or not isinstance(character, str):
            raise FilmTextError(
                f"{where}: cast[{number}] 'actor' and 'character' must be strings."
            )
        order = row.get("order", number)
        if not isinstance(order, int) or isinstance(order, bool):
            order = number
        if actor.strip():
            credits.append(CastCredit(actor.strip(), character.strip(), order))
    return credits


def _post_credits(value: object, where: str) -> PostCredits | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise FilmTextError(
            f"{where}: field 'post_credits' must be an object with 'kind' "
            f"({', '.join(POST_CREDIT_KINDS)}), 'description' and 'source'."
        )
    kind = value.get("kind")
    if kind not in POST_CREDIT_KINDS:
        raise FilmTextError(
            f"{where}: field 'post_credits.kind' is {kind!r}; "
            f"expected one of {', '.join(POST_CREDIT_KINDS)}."
        )
    description = value.get("description") or ""
    source = value.get("source") or ""
    if not isinstance(description, str) or not isinstance(source, str):
        raise FilmTextError(
            f"{where}: 'post_credits.description' and 'post_credits.source' "
            "must be strings."
        )
    return PostCredits(kind, description.strip(), source.strip())
