"""The CMU Movie Summary Corpus: Wikipedia plots with Freebase metadata.

A folder of three headerless tab-separated files. Only films with a plot are
imported; ``movie.metadata.tsv`` gives their titles and ``character.metadata.tsv``
their cast, and both may be missing.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from plotguide.catalog.importers.reading import (
    Duplicates,
    RowError,
    check_plot,
    clean_text,
    parse_date,
    parse_json,
    parse_runtime,
    parse_year,
    read_table,
    undecodable,
)
from plotguide.catalog.importers.records import (
    CAST,
    NO_PLOT_WARNING,
    CreditRecord,
    FilmRecord,
    ImportFormatError,
    Location,
    Rejection,
)

SOURCE = "cmu-movie-summaries"
LICENCE = "CC BY-SA (Wikipedia), via the CMU Movie Summary Corpus"
PLOTS = "plot_summaries.txt"
MOVIES = "movie.metadata.tsv"
CHARACTERS = "character.metadata.tsv"
PLOT_COLUMNS = ("wiki_id", "plot")
MOVIE_COLUMNS = (
    "wiki_id",
    "freebase_movie_id",
    "name",
    "release_date",
    "box_office",
    "runtime",
    "languages",
    "countries",
    "genres",
)
CHARACTER_COLUMNS = (
    "wiki_id",
    "freebase_movie_id",
    "release_date",
    "character_name",
    "actor_dob",
    "actor_gender",
    "actor_height",
    "actor_ethnicity",
    "actor_name",
    "actor_age",
    "freebase_character_actor_map_id",
    "freebase_character_id",
    "freebase_actor_id",
)
T = TypeVar("T")
_GENRES_EXAMPLE = '{"/m/07s9rl0": "Drama"}'


@dataclass(frozen=True)
class _Movie:
    location: Location
    title: str
    year: int | None
    release_date: date | None
    runtime_minutes: int | None
    genres: tuple[str, ...]
    warnings: tuple[str, ...]


def parse(path: Path) -> Iterator[FilmRecord | Rejection]:
    """Yield a record per plot, or a rejection saying what is wrong with it.

    ``path`` is the corpus folder or any file in it. Problems in the metadata
    files are reported at their own line; a film whose metadata row is
    rejected is not imported, since it has no title.
    """
    folder = corpus_folder(path)
    plot_rows = read_table(
        folder / PLOTS, PLOT_COLUMNS, "\t", PLOT_COLUMNS, quoting=csv.QUOTE_NONE
    )
    # Reading the first row checks the format before anything is yielded.
    first_row = next(plot_rows, None)
    movies, rejected_ids, rejections = _read_movies(folder / MOVIES)
    cast, cast_rejections = _read_characters(folder / CHARACTERS)
    yield from rejections
    yield from cast_rejections
    has_movies = (folder / MOVIES).is_file()
    duplicates = Duplicates()
    for location, row in itertools.chain([first_row] if first_row else [], plot_rows):
        problem = undecodable(row.values())
        wiki_id = _wiki_id(row.get("wiki_id", ""))
        if problem is None and wiki_id is None:
            problem = f"wiki id {row.get('wiki_id', '')!r} is not a number"
        plot, warnings = clean_text(row.get("plot") or "")
        problem = problem or check_plot(plot)
        movie = movies.get(wiki_id) if wiki_id is not None else None
        if problem is None and movie is None:
            if wiki_id in rejected_ids:
                continue  # already reported at its line in the metadata
            problem = f"no title: {PLOTS} line {location.line} has wiki id {wiki_id} "
            problem += (
                f"that {MOVIES} lacks"
                if has_movies
                else f"and there is no {MOVIES} beside it to give its title"
            )
        problem = problem or duplicates.check(location, ("id", wiki_id))
        if problem:
            yield Rejection(location, problem)
            continue
        assert movie is not None and wiki_id is not None  # else a problem above
        if not plot:
            warnings += (NO_PLOT_WARNING,)
        yield FilmRecord(
            source=SOURCE,
            location=location,
            title=movie.title,
            year=movie.year,
            release_date=movie.release_date,
            runtime_minutes=movie.runtime_minutes,
            plot=plot,
            plot_source_url=f"https://en.wikipedia.org/?curid={wiki_id}",
            plot_licence=LICENCE if plot else "",
            wikipedia_id=wiki_id,
            credits=tuple(cast.get(wiki_id, ())),
            genres=movie.genres,
            warnings=movie.warnings + warnings,
        )


def corpus_folder(path: Path) -> Path:
    """Return the corpus folder named by the folder itself or any file in it."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    if not path.exists():
        raise ImportFormatError(f"{path}: no such file or folder.")
    if not (folder / PLOTS).is_file():
        raise ImportFormatError(
            f"{folder}: no {PLOTS} here. The CMU Movie Summary Corpus is a folder "
            f"holding {PLOTS}, {MOVIES} and {CHARACTERS}; name that folder or one "
            "of its files."
        )
    return folder


def _read_movies(
    path: Path,
) -> tuple[dict[int, _Movie], set[int], list[Rejection]]:
    movies: dict[int, _Movie] = {}
    rejected_ids: set[int] = set()
    rejections: list[Rejection] = []
    if not path.is_file():
        return movies, rejected_ids, rejections
    rows = read_table(path, MOVIE_COLUMNS, "\t", MOVIE_COLUMNS, quoting=csv.QUOTE_NONE)
    duplicates = Duplicates()
    for location, row in rows:
        wiki_id = _wiki_id(row["wiki_id"])
        title, warnings = clean_text(row["name"])
        problem = undecodable(row.values())
        if problem is None and wiki_id is None:
            problem = f"wiki id {row['wiki_id']!r} is not a number"
        if problem is None and not title:
            problem = "the name column is empty"
        problem = problem or check_plot(title, "name")
        if problem:
            rejections.append(Rejection(location, problem))
            if wiki_id is not None:
                rejected_ids.add(wiki_id)
            continue
        problem = duplicates.check(location, ("id", wiki_id))
        if problem:
            rejections.append(Rejection(location, problem))
            continue
        assert wiki_id is not None  # else a problem above
        # Metadata is secondary here: a bad date or genre list costs only
        # that value, never the plot.
        release_date, date_warning = _value(location, parse_date, row["release_date"])
        runtime, runtime_warning = _value(location, parse_runtime, row["runtime"])
        genres, genres_warning = _value(location, _genres, row["genres"])
        movies[wiki_id] = _Movie(
            location=location,
            title=title,
            year=parse_year(row["release_date"]),
            release_date=release_date,
            runtime_minutes=runtime,
            genres=genres or (),
            warnings=warnings + date_warning + runtime_warning + genres_warning,
        )
    return movies, rejected_ids, rejections


def _read_characters(
    path: Path,
) -> tuple[dict[int, list[CreditRecord]], list[Rejection]]:
    cast: dict[int, list[CreditRecord]] = {}
    rejections: list[Rejection] = []
    if not path.is_file():
        return cast, rejections
    rows = read_table(
        path, CHARACTER_COLUMNS, "\t", CHARACTER_COLUMNS, quoting=csv.QUOTE_NONE
    )
    seen: set[tuple[int, str, str]] = set()
    for location, row in rows:
        wiki_id = _wiki_id(row["wiki_id"])
        problem = undecodable(row.values())
        if problem is None and wiki_id is None:
            problem = f"wiki id {row['wiki_id']!r} is not a number"
        if problem:
            rejections.append(Rejection(location, f"credit not imported: {problem}"))
            continue
        assert wiki_id is not None  # else a problem above
        name = row["actor_name"].strip()
        character = row["character_name"].strip()
        if not name or (wiki_id, name, character) in seen:
            continue
        seen.add((wiki_id, name, character))
        credits = cast.setdefault(wiki_id, [])
        credits.append(CreditRecord(name, CAST, character, order=len(credits)))
    return cast, rejections


def _wiki_id(value: str) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() else None


def _genres(value: str) -> tuple[str, ...]:
    genres = parse_json(value, "genres", _GENRES_EXAMPLE)
    if genres is None:
        return ()
    if not isinstance(genres, dict):
        raise RowError(f"column 'genres' is not a JSON object like {_GENRES_EXAMPLE}")
    return tuple(dict.fromkeys(str(name).strip() for name in genres.values() if name))


def _value(
    location: Location, convert: Callable[[str], T], value: str
) -> tuple[T | None, tuple[str, ...]]:
    """Return the converted value and no warning, or None and the warning."""
    try:
        return convert(value), ()
    except RowError as exc:
        return None, (f"{MOVIES} line {location.line}: {exc}; the value is left out",)
