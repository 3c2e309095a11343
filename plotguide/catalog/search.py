"""One search box over titles, people, characters and plot words, typo-tolerant.

Candidates come from the database's own text index (SQLite FTS5 tables kept by
triggers, or PostgreSQL's pg_trgm and full-text indexes), so a query touches a
few hundred rows whatever the catalogue's size; rapidfuzz then ranks them by
how closely they match what was typed. The site and the API both call
`search(query, limit)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process, utils

from django.db import connection
from django.db.models import Exists, OuterRef

from plotguide.catalog.models import Credit, Film, Person
from plotguide.catalog.naming import title_key

FILM = "film"
PERSON = "person"
CHARACTER = "character"
KINDS = (FILM, PERSON, CHARACTER)
_KIND_CODES = {1: FILM, 2: PERSON, 3: CHARACTER}
_KIND_ORDER = {FILM: 0, PERSON: 1, CHARACTER: 2}

MIN_SCORE = 62.0
# A film title this close is a typo of the query; further off, a coincidence
# ("Pervert" in a title is not "Vertigo") that ranks after people and parts.
CLOSE_SPELLING = 80.0
PLOT_SCORE = 60.0
CANDIDATES = 150
RARE_TRIGRAMS = 5
NAME_ROWS = 2000
PRESELECT = 40
KIND_BONUS = {FILM: 1.0, PERSON: 0.0, CHARACTER: -3.0}
MAX_QUERY_CHARS = 200
_ARTICLES = ("the ", "a ", "an ")
_WORD = re.compile(r"[0-9a-z]+")
_PLOT_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "he",
        "her",
        "his",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "she",
        "that",
        "the",
        "their",
        "they",
        "to",
        "was",
        "were",
        "who",
        "with",
    ]
)


@dataclass(frozen=True)
class SearchResult:
    """One hit: a film, a person, or a character (in the film that names them).

    slug is the film's slug for films and characters, the person's for people;
    year and film_title describe the film, person_name the actor.
    """

    kind: str
    id: int
    label: str
    slug: str
    score: float
    year: int | None = None
    film_title: str = ""
    person_name: str = ""
    is_plot_match: bool = False


def search(query: str, limit: int = 20) -> list[SearchResult]:
    """Return up to `limit` results for a query, best first; [] for an empty one.

    Titles, names and characters match despite typos ("godfathr" finds The
    Godfather); plot words match films whose plot has all of them.
    """
    key = title_key(query[:MAX_QUERY_CHARS])
    if not key:
        return []
    backend = _postgres if connection.vendor == "postgresql" else _sqlite
    name_rows, plot_ids = backend(key)
    results = _name_results(key, name_rows, limit) + _plot_results(plot_ids)
    best: dict[tuple[str, int], SearchResult] = {}
    for result in results:
        seen = best.get((result.kind, result.id))
        if seen is None or result.score > seen.score:
            best[(result.kind, result.id)] = result
    standing = _film_standing([r.id for r in best.values() if r.kind == FILM])
    ranked = sorted(
        best.values(),
        key=lambda r: (
            _tier(key, r),
            -standing.get(r.id, (0, 0.0))[0] if r.kind == FILM else 0,
            -r.score,
            -standing.get(r.id, (0, 0.0))[1] if r.kind == FILM else 0,
            _KIND_ORDER[r.kind],
            r.label,
            -(r.year or 0),
        ),
    )
    return _one_per_character_name(ranked)[:limit]


def _tier(key: str, result: SearchResult) -> int:
    """Films whose title is the query come first, then titles that start with
    or contain it, then people, characters, close spellings and plot words."""
    if result.is_plot_match:
        return 9
    label = title_key(result.label)
    bare = label.removeprefix("the ").removeprefix("a ").removeprefix("an ")
    exact = key in (label, bare)
    starts = f" {key} " in f" {label} " or bare.startswith(key)
    if result.kind == FILM:
        close = result.score >= CLOSE_SPELLING
        return 0 if exact else 1 if starts else 5 if close else 8
    if result.kind == PERSON:
        return 2 if exact or starts else 6
    return 3 if exact else 4 if starts else 7


def _film_standing(film_ids: list[int]) -> dict[int, tuple[int, float]]:
    """(has a published story, popularity) per film: readers look for those."""
    # Stories live in an app above the catalogue; reach them through the relation.
    story = Film._meta.get_field("story").related_model
    rows = (
        Film.objects.filter(pk__in=film_ids)
        .annotate(
            published=Exists(
                story._default_manager.filter(film=OuterRef("pk"), status="published")
            )
        )
        .values_list("pk", "published", "popularity")
    )
    return {
        pk: (int(published), popularity or 0.0) for pk, published, popularity in rows
    }


def _one_per_character_name(results: list[SearchResult]) -> list[SearchResult]:
    """Show a character's name once ("Harry Potter" in eight films is one line)."""
    seen: set[str] = set()
    kept = []
    for result in results:
        if result.kind == CHARACTER:
            name = title_key(result.label)
            if name in seen:
                continue
            seen.add(name)
        kept.append(result)
    return kept


def trigrams(key: str) -> list[str]:
    """Return the distinct three-letter pieces of each word, as FTS5 indexes them."""
    found: dict[str, None] = {}
    for word in key.split():
        for start in range(len(word) - 2):
            found[word[start : start + 3]] = None
    return list(found)


def _sqlite(key: str) -> tuple[list[tuple[str, int, str]], list[int]]:
    with connection.cursor() as cursor:
        names = _sqlite_names(cursor, trigrams(key))
        words = _plot_words(key)
        plot_ids: list[int] = []
        if words:
            cursor.execute(
                "SELECT rowid FROM catalog_search_plot WHERE catalog_search_plot "
                "MATCH %s ORDER BY rank LIMIT %s",
                [" AND ".join(f'"{word}"' for word in words), CANDIDATES // 3],
            )
            plot_ids = [row for (row,) in cursor.fetchall()]
    return names, plot_ids


def _sqlite_names(cursor, grams: list[str]) -> list[tuple[str, int, str]]:
    """Return (kind, id, label) candidates sharing two rare trigrams with the query.

    A trigram such as "the" is in tens of thousands of labels, so only the
    query's rarest ones are asked for; any two of them must match, which keeps
    the match small while a typo (it breaks at most three trigrams of a word)
    still leaves two intact.
    """
    if not grams:
        return []
    placeholders = ", ".join(["%s"] * len(grams))
    cursor.execute(
        "SELECT term, doc FROM catalog_search_name_vocab "
        f"WHERE term IN ({placeholders})",
        grams,
    )
    rare = [term for term, _ in sorted(cursor.fetchall(), key=lambda row: row[1])]
    rare = rare[:RARE_TRIGRAMS]
    if not rare:
        return []
    if len(rare) <= 2:
        match = " OR ".join(f'"{gram}"' for gram in rare)
    else:
        match = " OR ".join(
            f'("{a}" AND "{b}")' for i, a in enumerate(rare) for b in rare[i + 1 :]
        )
    # The index keeps no copy of its labels (migration 0007): each is read
    # from its own row, which the row id names.
    cursor.execute(
        "SELECT s.rowid, CASE s.rowid %% 4 "
        "WHEN 1 THEN (SELECT title FROM catalog_film WHERE id = s.rowid / 4) "
        "WHEN 2 THEN (SELECT name FROM catalog_person WHERE id = s.rowid / 4) "
        "ELSE (SELECT character FROM catalog_credit WHERE id = s.rowid / 4) END "
        "FROM catalog_search_name AS s WHERE catalog_search_name MATCH %s LIMIT %s",
        [match, NAME_ROWS],
    )
    return [(_KIND_CODES[row % 4], row // 4, label) for row, label in cursor.fetchall()]


def _postgres(key: str) -> tuple[list[tuple[str, int, str]], list[int]]:
    sql = (
        "(SELECT 1, id, title FROM catalog_film WHERE %(q)s <%% title "
        " ORDER BY %(q)s <<-> title LIMIT %(n)s)"
        " UNION ALL (SELECT 2, id, name FROM catalog_person WHERE %(q)s <%% name "
        " ORDER BY %(q)s <<-> name LIMIT %(n)s)"
        " UNION ALL (SELECT 3, id, character FROM catalog_credit "
        " WHERE character <> '' AND %(q)s <%% character "
        " ORDER BY %(q)s <<-> character LIMIT %(n)s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"q": key, "n": CANDIDATES // 3})
        names = [(_KIND_CODES[code], pk, label) for code, pk, label in cursor]
        words = _plot_words(key)
        plot_ids: list[int] = []
        if words:
            cursor.execute(
                "SELECT id FROM catalog_film WHERE to_tsvector('english', plot) "
                "@@ plainto_tsquery('english', %s) ORDER BY ts_rank("
                "to_tsvector('english', plot), plainto_tsquery('english', %s)) DESC "
                "LIMIT %s",
                [" ".join(words), " ".join(words), CANDIDATES // 3],
            )
            plot_ids = [pk for (pk,) in cursor.fetchall()]
    return names, plot_ids


def _plot_words(key: str) -> list[str]:
    return [w for w in _WORD.findall(key) if w not in _PLOT_STOP_WORDS][:8]


def _name_results(
    key: str, rows: list[tuple[str, int, str]], limit: int
) -> list[SearchResult]:
    """Score candidates by their labels, then load only the best from the tables.

    Many candidates are first cut down with rapidfuzz's C scorer, so the finer
    Python scoring runs on a few dozen labels at most.
    """
    if len(rows) > PRESELECT:
        picked = process.extract(
            key,
            [label for _, _, label in rows],
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=PRESELECT,
        )
        rows = [rows[index] for _, _, index in picked]
    scored = sorted(
        ((_score(key, label) + KIND_BONUS[kind], kind, pk) for kind, pk, label in rows),
        reverse=True,
    )
    best = [row for row in scored[: limit * 2] if row[0] >= MIN_SCORE]
    ids = {kind: [pk for _, k, pk in best if k == kind] for kind in KINDS}
    found: dict[tuple[str, int], SearchResult] = {}
    for pk, title, slug, year in Film.objects.filter(pk__in=ids[FILM]).values_list(
        "pk", "title", "slug", "year"
    ):
        found[FILM, pk] = SearchResult(FILM, pk, title, slug, 0, year)
    for pk, name, slug in Person.objects.filter(pk__in=ids[PERSON]).values_list(
        "pk", "name", "slug"
    ):
        found[PERSON, pk] = SearchResult(PERSON, pk, name, slug, 0)
    credits = Credit.objects.filter(pk__in=ids[CHARACTER]).values_list(
        "pk", "character", "film__slug", "film__year", "film__title", "person__name"
    )
    for pk, character, slug, year, title, actor in credits:
        found[CHARACTER, pk] = SearchResult(
            CHARACTER, pk, character, slug, 0, year, title, actor
        )
    return [
        replace(found[kind, pk], score=score)
        for score, kind, pk in best
        if (kind, pk) in found
    ]


def _plot_results(film_ids: list[int]) -> list[SearchResult]:
    films = Film.objects.filter(pk__in=film_ids).only("title", "year", "slug")
    order = {pk: rank for rank, pk in enumerate(film_ids)}
    return [
        SearchResult(
            FILM,
            film.pk,
            film.title,
            film.slug,
            PLOT_SCORE - order[film.pk] / len(film_ids),
            film.year,
            is_plot_match=True,
        )
        for film in films
    ]


def _score(key: str, label: str) -> float:
    """Return 0-100: an exact title scores 100, a typo or a part of it less."""
    label_key = title_key(label)
    if label_key == key:
        return 100.0
    if not key.startswith(_ARTICLES):
        label_key = (
            label_key.removeprefix("the ").removeprefix("a ").removeprefix("an ")
        )
    whole = fuzz.ratio(key, label_key)
    shorter, longer = sorted((len(key), len(label_key)))
    partial = fuzz.partial_ratio(key, label_key) * shorter / max(longer, 1)
    return max(whole, fuzz.WRatio(key, label_key) * 0.95, partial) * 0.99
