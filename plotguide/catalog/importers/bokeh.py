"""The film database of the PyPI package bokeh-sampledata (``movies_data``).

A SQLite file with the legacy OMDb and Rotten Tomatoes tables, filled from
Wikidata (CC0). It has no plots: films come with credits, genres, studios and
Academy Awards counts. Locations give the omdb row's ID as the line.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from plotguide.catalog.importers.awards_text import parse_awards
from plotguide.catalog.importers.reading import (
    Duplicates,
    RowError,
    check_plot,
    clean_text,
    film_key,
    parse_date,
    parse_runtime,
    parse_year,
    read_zip_member,
    split_names,
    undecodable,
)
from plotguide.catalog.importers.records import (
    CAST,
    DIRECTOR,
    WRITER,
    CreditRecord,
    FilmRecord,
    ImportFormatError,
    Location,
    Rejection,
)

SOURCE = "bokeh-sampledata"
LICENCE = "CC0 1.0 (Wikidata), via bokeh-sampledata"
OMDB_COLUMNS = (
    "ID",
    "imdbID",
    "Title",
    "Year",
    "Runtime",
    "Genre",
    "Released",
    "Director",
    "Writer",
    "Cast",
    "Awards",
)
WHEEL_MEMBER = "bokeh_sampledata/_data/movies.db"
_QUERY = """
    SELECT {omdb}, {production} AS Production
    FROM omdb {join}
    ORDER BY omdb.rowid
"""


def parse(path: Path) -> Iterator[FilmRecord | Rejection]:
    """Yield a record per omdb row, or a rejection saying what is wrong with it.

    ``path`` is the movies.db file, or the bokeh-sampledata wheel; the
    database is copied out of the wheel to a temporary file, since SQLite
    cannot open a file inside a zip.
    """
    path = Path(path)
    if path.suffix != ".whl":
        yield from _parse(path, str(path))
        return
    with tempfile.TemporaryDirectory(prefix="plotguide-") as folder:
        database = Path(folder) / "movies.db"
        database.write_bytes(read_zip_member(path, WHEEL_MEMBER))
        yield from _parse(database, f"{path}!{WHEEL_MEMBER}")


def _parse(database: Path, name: str) -> Iterator[FilmRecord | Rejection]:
    rows = _read_rows(database, name)
    duplicates = Duplicates()
    for number, row in rows:
        location = Location(name, number)
        try:
            record = _film(location, row)
        except RowError as exc:
            yield Rejection(location, str(exc))
            continue
        problem = duplicates.check(
            location, film_key(record.imdb_id, record.title, record.year)
        )
        yield Rejection(location, problem) if problem else record


def _read_rows(database: Path, name: str) -> list[tuple[int, dict[str, object]]]:
    """Return every omdb row with its studio, after checking the schema."""
    if not database.is_file():
        raise ImportFormatError(f"{name}: no such file.")
    try:
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ImportFormatError(f"{name}: cannot open it as SQLite ({exc}).") from exc
    # Bad bytes become surrogates, so one bad row is rejected, not the file.
    connection.text_factory = lambda data: data.decode("utf-8", "surrogateescape")
    try:
        tables = {
            table: {
                info[1] for info in connection.execute(f"PRAGMA table_info({table})")
            }
            for table in ("omdb", "tomatoes")
        }
        if not tables["omdb"]:
            raise ImportFormatError(
                f"{name}: no omdb table; this is not the bokeh-sampledata film "
                "database (bokeh_sampledata.movies_data.movie_path)."
            )
        missing = [column for column in OMDB_COLUMNS if column not in tables["omdb"]]
        if missing:
            raise ImportFormatError(
                f"{name}: the omdb table lacks column"
                f"{'s' if len(missing) > 1 else ''} {', '.join(missing)}. "
                "Is this the right database?"
            )
        has_studios = {"ID", "Production"} <= tables["tomatoes"]
        query = _QUERY.format(
            omdb=", ".join(f'omdb."{column}"' for column in OMDB_COLUMNS),
            production="tomatoes.Production" if has_studios else "NULL",
            join="LEFT JOIN tomatoes ON tomatoes.ID = omdb.ID" if has_studios else "",
        )
        cursor = connection.execute(query)
        columns = [description[0] for description in cursor.description]
        rows = [dict(zip(columns, values, strict=True)) for values in cursor]
    except sqlite3.DatabaseError as exc:
        raise ImportFormatError(
            f"{name}: not an SQLite database ({exc}). Is this the right file?"
        ) from exc
    finally:
        connection.close()
    return [
        (row["ID"] if isinstance(row["ID"], int) else index, row)
        for index, row in enumerate(rows, start=1)
    ]


def _film(location: Location, row: dict[str, object]) -> FilmRecord:
    values = {key: "" if value is None else str(value) for key, value in row.items()}
    problem = undecodable(values.values())
    if problem:
        raise RowError(problem)
    for column, value in values.items():
        problem = check_plot(value, column)
        if problem:
            raise RowError(problem)
    title, warnings = clean_text(values["Title"])
    if not title:
        raise RowError("the Title column is empty")
    release_date = parse_date(values["Released"], "Released")
    if release_date and (release_date.month, release_date.day) == (1, 1):
        # Wikidata dates known only to the year arrive as YYYY-01-01 (two films
        # in three here), so 1 January means "some time that year".
        release_date = None
    year = parse_year(values["Year"]) or (release_date.year if release_date else None)
    credits = (
        tuple(CreditRecord(name, DIRECTOR) for name in split_names(values["Director"]))
        + tuple(CreditRecord(name, WRITER) for name in split_names(values["Writer"]))
        # The cast is listed alphabetically here, so its order says nothing.
        + tuple(CreditRecord(name, CAST) for name in split_names(values["Cast"]))
    )
    return FilmRecord(
        source=SOURCE,
        location=location,
        title=title,
        year=year,
        release_date=release_date,
        runtime_minutes=parse_runtime(row["Runtime"], "Runtime"),
        imdb_id="" if values["imdbID"].strip() == "N/A" else values["imdbID"].strip(),
        credits=credits,
        studios=split_names(values["Production"]),
        genres=split_names(values["Genre"]),
        awards=parse_awards(values["Awards"], year),
        warnings=warnings,
    )
