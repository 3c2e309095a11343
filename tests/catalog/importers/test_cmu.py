from __future__ import annotations

from datetime import date

import pytest

from plotguide.catalog.importers import cmu
from plotguide.catalog.importers.records import CAST, CreditRecord, ImportFormatError
from tests.catalog.importers.helpers import (
    DATA,
    TWO_MB,
    append_bytes,
    by_title,
    films,
    rejections,
)

FOLDER = DATA / "cmu"


def test_plots_get_title_date_runtime_genres_and_cast_from_the_metadata():
    film = by_title(cmu.parse(FOLDER))["The Lighthouse Keeper's Daughter"]

    assert film.source == "cmu-movie-summaries"
    assert film.wikipedia_id == 31001
    assert film.year == 1998
    assert film.release_date == date(1998, 6, 12)
    assert film.runtime_minutes == 104
    assert film.genres == ("Drama", "Mystery")
    assert film.plot.startswith("Elspeth returns to the island")
    assert film.plot_licence == (
        "CC BY-SA (Wikipedia), via the CMU Movie Summary Corpus"
    )
    assert film.plot_source_url == "https://en.wikipedia.org/?curid=31001"
    assert film.location.line == 1


def test_cast_keeps_characters_and_file_order():
    film = by_title(cmu.parse(FOLDER))["The Lighthouse Keeper's Daughter"]

    assert film.credits == (
        CreditRecord("Morag Garner", CAST, "Elspeth Rowe", 0),
        CreditRecord("Callum Reid", CAST, "Tom Rowe", 1),
        CreditRecord("Hamish Doyle", CAST, "", 2),
    )


def test_a_year_or_month_alone_gives_the_year_but_no_release_date():
    found = by_title(cmu.parse(FOLDER))

    assert found["Static Over Dunmore"].year == 2004
    assert found["Static Over Dunmore"].release_date is None
    assert found["Static Over Dunmore"].runtime_minutes == 91
    assert found['"Red" Harbour Blues'].year == 1987
    assert found['"Red" Harbour Blues'].release_date is None


def test_quotation_marks_are_text_not_csv_quoting():
    film = by_title(cmu.parse(FOLDER))['"Red" Harbour Blues']

    assert film.plot.startswith('"Nobody leaves the harbour," the old ferryman')
    assert film.credits == ()


def test_a_plot_without_metadata_is_rejected_for_having_no_title():
    (rejected,) = rejections(cmu.parse(FOLDER))

    assert rejected.location.line == 4
    assert rejected.location.path.endswith("plot_summaries.txt")
    assert rejected.reason == (
        "no title: plot_summaries.txt line 4 has wiki id 31004 that "
        "movie.metadata.tsv lacks"
    )


def test_films_with_metadata_but_no_plot_are_not_imported():
    assert "A Film Without a Plot" not in by_title(cmu.parse(FOLDER))


@pytest.mark.parametrize(
    "name", ["plot_summaries.txt", "movie.metadata.tsv", "character.metadata.tsv"]
)
def test_any_file_of_the_corpus_names_its_folder(name):
    assert list(cmu.parse(FOLDER / name)) == list(cmu.parse(FOLDER))


def test_without_movie_metadata_every_plot_lacks_a_title(copy_data):
    folder = copy_data("cmu")
    (folder / "movie.metadata.tsv").unlink()

    results = list(cmu.parse(folder))

    assert films(results) == []
    assert len(rejections(results)) == 4
    assert "there is no movie.metadata.tsv beside it" in rejections(results)[0].reason


def test_without_character_metadata_films_have_no_cast(copy_data):
    folder = copy_data("cmu")
    (folder / "character.metadata.tsv").unlink()

    found = by_title(cmu.parse(folder))

    assert len(found) == 3
    assert all(film.credits == () for film in found.values())


def test_a_folder_without_plot_summaries_is_not_the_corpus(tmp_path):
    (tmp_path / "movies.csv").write_text("a,b\n1,2\n")

    with pytest.raises(ImportFormatError, match="no plot_summaries.txt here"):
        list(cmu.parse(tmp_path))


def test_comma_separated_plots_are_the_wrong_format(copy_data):
    folder = copy_data("cmu")
    (folder / "plot_summaries.txt").write_text("31001,A plot.\n31002,Another.\n")

    with pytest.raises(ImportFormatError, match="expected 2 tab-separated columns"):
        next(cmu.parse(folder))


def test_metadata_with_the_wrong_columns_fails_before_any_record(copy_data):
    folder = copy_data("cmu")
    (folder / "movie.metadata.tsv").write_text("31001\tA title\t1998\n")

    with pytest.raises(ImportFormatError, match="expected 9 tab-separated columns"):
        next(cmu.parse(folder))


def test_a_binary_file_is_not_the_corpus(copy_data):
    folder = copy_data("cmu")
    (folder / "plot_summaries.txt").write_bytes(b"SQLite format 3\x00\x00\x01")

    with pytest.raises(ImportFormatError, match="binary file"):
        next(cmu.parse(folder))


def test_an_undecodable_plot_is_rejected_at_its_line(copy_data):
    folder = copy_data("cmu")
    append_bytes(folder / "plot_summaries.txt", b"31002\tCaf\xe9 scene.\n")

    results = list(cmu.parse(folder))

    assert len(films(results)) == 3
    assert rejections(results)[-1].location.line == 5
    assert "not valid UTF-8 (byte 0xE9)" in rejections(results)[-1].reason


def test_an_undecodable_metadata_row_is_rejected_at_its_own_line(copy_data):
    folder = copy_data("cmu")
    metadata = folder / "movie.metadata.tsv"
    lines = metadata.read_bytes().splitlines(keepends=True)
    lines[1] = lines[1].replace(b"Static Over", b"Static \xff Over")
    metadata.write_bytes(b"".join(lines))

    results = list(cmu.parse(folder))

    assert "Static Over Dunmore" not in by_title(results)
    [rejected] = [r for r in rejections(results) if "UTF-8" in r.reason]
    assert rejected.location.path.endswith("movie.metadata.tsv")
    assert rejected.location.line == 2
    assert len(rejections(results)) == 2  # and the plot without metadata


def test_an_undecodable_character_row_costs_only_that_credit(copy_data):
    folder = copy_data("cmu")
    append_bytes(
        folder / "character.metadata.tsv",
        b"31002\t/m/0test002\t2004\tNo\xe1ra\t\tF\t\t\tAoife Lynch\t\t\t\t\n",
    )

    results = list(cmu.parse(folder))

    assert len(by_title(results)["Static Over Dunmore"].credits) == 1
    rejected = rejections(results)[0]
    assert rejected.location.path.endswith("character.metadata.tsv")
    assert rejected.location.line == 5
    assert rejected.reason.startswith("credit not imported: text is not valid UTF-8")


def test_an_empty_plot_imports_the_film_with_a_warning(copy_data):
    folder = copy_data("cmu")
    plots = folder / "plot_summaries.txt"
    lines = plots.read_text().splitlines()
    lines[1] = "31002\t "
    plots.write_text("\n".join(lines) + "\n")

    film = by_title(cmu.parse(folder))["Static Over Dunmore"]

    assert film.plot == ""
    assert film.plot_licence == ""
    assert "no plot text" in film.warnings[0]


def test_html_and_script_tags_are_removed_with_a_warning(copy_data):
    folder = copy_data("cmu")
    plots = folder / "plot_summaries.txt"
    text = plots.read_text().replace(
        "She finds his logbook,",
        "She finds <b>his logbook</b><script>alert('x')</script>,",
    )
    plots.write_text(text)

    film = by_title(cmu.parse(folder))["The Lighthouse Keeper's Daughter"]

    assert "<" not in film.plot and "alert" not in film.plot
    assert "his logbook" in film.plot
    assert film.warnings == ("HTML tags removed from the text",)


def test_a_two_megabyte_plot_is_rejected(copy_data):
    folder = copy_data("cmu")
    append_bytes(folder / "plot_summaries.txt", b"31003\t" + b"x" * TWO_MB + b"\n")

    rejected = rejections(cmu.parse(folder))[-1]

    assert rejected.location.line == 5
    assert rejected.reason.startswith("plot is 2,097,152 characters; the limit is")


def test_a_plot_listed_twice_is_a_duplicate(copy_data):
    folder = copy_data("cmu")
    append_bytes(folder / "plot_summaries.txt", b"31001\tThe same film again.\n")

    results = list(cmu.parse(folder))

    assert len(films(results)) == 3
    assert rejections(results)[-1].location.line == 5
    assert rejections(results)[-1].reason.startswith("duplicate of line 1")


def test_a_metadata_row_listed_twice_is_a_duplicate_and_the_first_wins(copy_data):
    folder = copy_data("cmu")
    append_bytes(
        folder / "movie.metadata.tsv",
        b"31001\t/m/0test001\tAnother Title\t2001\t\t\t{}\t{}\t{}\n",
    )

    results = list(cmu.parse(folder))

    assert "The Lighthouse Keeper's Daughter" in by_title(results)
    assert "Another Title" not in by_title(results)
    rejected = rejections(results)[0]
    assert (rejected.location.line, rejected.reason[:20]) == (5, "duplicate of line 1;")


def test_an_empty_title_rejects_the_metadata_row(copy_data):
    folder = copy_data("cmu")
    metadata = folder / "movie.metadata.tsv"
    metadata.write_text(metadata.read_text().replace("Static Over Dunmore", "  "))

    results = list(cmu.parse(folder))

    rejected = rejections(results)[0]
    assert rejected.location.path.endswith("movie.metadata.tsv")
    assert (rejected.location.line, rejected.reason) == (2, "the name column is empty")
    assert len(films(results)) == 2


def test_bad_metadata_values_cost_only_those_values(copy_data):
    folder = copy_data("cmu")
    metadata = folder / "movie.metadata.tsv"
    text = metadata.read_text().replace("1998-06-12", "1010-12-02")
    metadata.write_text(text.replace('"/m/02n4kr": "Mystery"}', '"/m/02n4kr": '))

    film = by_title(cmu.parse(folder))["The Lighthouse Keeper's Daughter"]

    assert (film.year, film.release_date, film.genres) == (None, None, ())
    assert film.runtime_minutes == 104
    assert film.warnings[0] == (
        "movie.metadata.tsv line 1: release_date '1010-12-02' is not a plausible "
        "release date; the value is left out"
    )
    assert "column 'genres' is not valid JSON" in film.warnings[1]
