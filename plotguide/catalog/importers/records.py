"""Plain rows that every importer yields, before anything touches the database.

Parsers turn a file into these values and nothing else, so they can be tested
without a database and every format is written by the same service.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from plotguide.errors import PlotguideError

PLOT_MAX_CHARS = 200_000
NO_PLOT_WARNING = "no plot text; the film is imported without a story"

CAST = "cast"
DIRECTOR = "director"
WRITER = "writer"

WON = "won"
NOMINATED = "nominated"

NO_SCENE = "none"
MID_CREDITS = "mid"
POST_CREDITS = "post"
BOTH_SCENES = "both"


class ImportFormatError(PlotguideError, ValueError):
    """The file as a whole cannot be read as the format named; nothing is written."""

    def __str__(self) -> str:
        return f"{self.args[0]}\nNothing was written."


@dataclass(frozen=True)
class Location:
    """Where a row came from, for messages a person can act on."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}, line {self.line}"


@dataclass(frozen=True)
class CreditRecord:
    name: str
    role: str = CAST
    character: str = ""
    order: int | None = None
    tmdb_person_id: int | None = None


@dataclass(frozen=True)
class AwardRecord:
    ceremony: str
    outcome: str
    category: str = ""
    year: int | None = None
    count: int = 1


@dataclass(frozen=True)
class PostCreditsRecord:
    kind: str
    description: str = ""
    source: str = ""


@dataclass(frozen=True)
class FilmRecord:
    """One film as one source describes it; an empty field: the source is silent."""

    source: str
    location: Location
    title: str
    year: int | None = None
    slug: str = ""
    release_date: date | None = None
    runtime_minutes: int | None = None
    plot: str = ""
    plot_source: str = ""
    plot_source_url: str = ""
    plot_licence: str = ""
    overview: str = ""
    vote_average: float | None = None
    vote_count: int | None = None
    popularity: float | None = None
    imdb_id: str = ""
    tmdb_id: int | None = None
    wikipedia_id: int | None = None
    origin: str = ""
    credits: tuple[CreditRecord, ...] = ()
    studios: tuple[str, ...] = ()
    genres: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    awards: tuple[AwardRecord, ...] = ()
    post_credits: PostCreditsRecord | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Rejection:
    """A row that cannot be imported, with the reason in the user's words."""

    location: Location
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"
