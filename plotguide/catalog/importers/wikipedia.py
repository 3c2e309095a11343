"""The public "Wikipedia Movie Plots" CSV (about 35,000 films)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from plotguide.catalog.importers.reading import (
    check_plot,
    clean_text,
    parse_year,
    read_table,
    split_names,
    undecodable,
    web_url,
)
from plotguide.catalog.importers.records import (
    CAST,
    DIRECTOR,
    NO_PLOT_WARNING,
    CreditRecord,
    FilmRecord,
    Rejection,
)

SOURCE = "wikipedia-movie-plots"
LICENCE = "CC BY-SA 4.0 (Wikipedia)"
COLUMNS = (
    "Release Year",
    "Title",
    "Origin/Ethnicity",
    "Director",
    "Cast",
    "Genre",
    "Wiki Page",
    "Plot",
)
_UNKNOWN = {"", "unknown", "n/a", "na"}


def parse(path: Path) -> Iterator[FilmRecord | Rejection]:
    """Yield a record per film row, or a rejection saying what is wrong with it."""
    for location, row in read_table(path, COLUMNS):
        problem = undecodable(row.values())
        title = (row.get("Title") or "").strip()
        if problem is None and not title:
            problem = "the Title column is empty"
        plot, warnings = clean_text(row.get("Plot") or "")
        problem = problem or check_plot(plot)
        if problem:
            yield Rejection(location, problem)
            continue
        if not plot:
            warnings += (NO_PLOT_WARNING,)
        url, url_warnings = web_url(row.get("Wiki Page") or "")
        credits = tuple(
            CreditRecord(name, DIRECTOR) for name in _names(row.get("Director", ""))
        ) + tuple(
            CreditRecord(name, CAST, order=index)
            for index, name in enumerate(_names(row.get("Cast", "")))
        )
        yield FilmRecord(
            source=SOURCE,
            location=location,
            title=title,
            year=parse_year(row.get("Release Year", "")),
            plot=plot,
            plot_source_url=url,
            plot_licence=LICENCE if plot else "",
            origin=(row.get("Origin/Ethnicity") or "").strip(),
            credits=credits,
            genres=tuple(
                genre
                for genre in split_names(row.get("Genre", ""), ",/")
                if genre.lower() not in _UNKNOWN
            ),
            warnings=warnings + url_warnings,
        )


def _names(value: str) -> tuple[str, ...]:
    return tuple(
        name
        for name in split_names(value.replace(" and ", ", "), ",;")
        if name.lower() not in _UNKNOWN
    )
