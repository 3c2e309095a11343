"""What the catalogue's columns hold: a record with a value past them is a bad row.

PostgreSQL refuses a 301-character title, a year past 32,767 or a NUL character
and stops the whole import with a database error; SQLite stores most of them.
Checking each record against its columns before the first write makes both
reject the row instead, named by file and line, while the good rows import.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import Model

from plotguide.catalog.bulk import concrete_field
from plotguide.catalog.importers.records import FilmRecord, Rejection
from plotguide.catalog.models import (
    Award,
    Credit,
    Film,
    Genre,
    Keyword,
    Person,
    PostCredits,
    Studio,
)

FILM_FIELDS = (
    "title",
    "year",
    "runtime_minutes",
    "origin",
    "overview",
    "vote_count",
    "plot",
    "plot_source_url",
    "imdb_id",
    "tmdb_id",
    "wikipedia_id",
)


def check_storable(row: FilmRecord | Rejection) -> FilmRecord | Rejection:
    """Return the row, or a Rejection naming the first value no column can hold.

    The values are checked a column at a time, and one by one only in a
    column that has a problem: checked one by one everywhere, TMDB's 120,000
    credits took an import half a second.
    """
    if isinstance(row, Rejection):
        return row
    for model, name, values in _columns(row):
        if len(values) > 1 and _fit(model, name, values):
            continue
        for value in values:
            problem = _problem(model, name, value)
            if problem:
                return Rejection(row.location, problem)
    return row


def _columns(record: FilmRecord) -> Iterator[tuple[type[Model], str, list]]:
    """The record's values, column by column."""
    for name in FILM_FIELDS:
        yield Film, name, [getattr(record, name)]
    credits = record.credits
    yield Person, "name", [credit.name for credit in credits]
    yield Person, "tmdb_id", [credit.tmdb_person_id for credit in credits]
    yield Credit, "character", [credit.character for credit in credits]
    yield Credit, "order", [credit.order for credit in credits]
    yield Studio, "name", list(record.studios)
    yield Genre, "name", list(record.genres)
    yield Keyword, "name", list(record.keywords)
    awards = record.awards
    yield Award, "ceremony", [award.ceremony for award in awards]
    yield Award, "category", [award.category for award in awards]
    yield Award, "year", [award.year for award in awards]
    yield Award, "count", [award.count for award in awards]
    scenes = [record.post_credits] if record.post_credits is not None else []
    yield PostCredits, "description", [scene.description for scene in scenes]
    yield PostCredits, "source", [scene.source for scene in scenes]


def _fit(model: type[Model], name: str, values: list) -> bool:
    """Whether the values surely fit the column: whole numbers in its range, or
    text within its length and without NUL. Anything else is checked by ``_problem``."""
    max_length, whole_range = _column(model, name)
    kinds = set(map(type, values)) - {type(None)}
    if whole_range is not None:
        numbers = [value for value in values if value is not None]
        low, high = whole_range
        return kinds <= {int} and (
            not numbers or low <= min(numbers) and max(numbers) <= high
        )
    texts = [value for value in values if value]
    return (
        kinds <= {str}
        and "\x00" not in "".join(texts)
        and (max_length is None or max(map(len, texts), default=0) <= max_length)
    )


def _problem(model: type[Model], name: str, value: object) -> str | None:
    if value is None or value == "":
        return None
    max_length, whole_range = _column(model, name)
    if whole_range is not None:
        low, high = whole_range
        if not isinstance(value, int) or not low <= value <= high:
            return f"{name} {value!r:.40} is not a whole number from {low} to {high:,}"
    elif isinstance(value, str):
        if "\x00" in value:
            return f"{name} holds a NUL character; remove it from the file"
        if max_length is not None and len(value) > max_length:
            return f"{name} is {len(value):,} characters; the limit is {max_length:,}"
    return None


@cache
def _column(model: type[Model], name: str) -> tuple[int | None, tuple[int, int] | None]:
    """The column's longest text, or the whole numbers it holds on every database.

    Django's own ranges (PostgreSQL's), so SQLite rejects the same rows.
    """
    field = concrete_field(model, name)
    ranges = BaseDatabaseOperations.integer_field_ranges
    return field.max_length, ranges.get(field.get_internal_type())
