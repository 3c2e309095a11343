"""The new catalogue pages in Chromium: the full cast opens without JavaScript
and the pages pass the accessibility check."""

from __future__ import annotations

import pytest

from plotguide.catalog.models import Award, Credit
from tests.site.test_catalogue_pages import credit, film

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def titanic():
    made = film(
        "Titanic",
        1997,
        tmdb_id=597,
        overview="A seventeen-year-old aristocrat falls in love aboard the ship.",
        field_sources={"overview": "tmdb"},
        vote_average=7.5,
        vote_count=7562,
        genres=["Drama", "Romance"],
        keywords=["shipwreck"],
    )
    credit(made, "James Cameron", Credit.DIRECTOR)
    for order in range(14):
        credit(made, f"Actor Number{order:02}", character=f"Part {order}", order=order)
    Award.objects.create(
        film=made, ceremony="Academy Awards", year=1997, outcome=Award.WON, count=11
    )
    other = film("Avatar", 2009, genres=["Drama"], keywords=["shipwreck"])
    credit(other, "James Cameron", Credit.DIRECTOR)
    return made


def test_a_film_without_a_story_opens_its_full_cast_and_passes_axe(
    page,  # noqa: F811
    titanic,
    check_accessibility,  # noqa: F811
):
    page.goto(titanic.get_absolute_url())
    assert page.get_by_role("heading", name="Premise, from TMDB").is_visible()
    assert page.get_by_role("link", name="Request the full story").is_visible()
    assert not page.get_by_text("Actor Number13").is_visible()
    page.get_by_text("Full cast: 4 more").click()
    assert page.get_by_text("Actor Number13").is_visible()
    check_accessibility(page)


def test_catalogue_hubs_pass_axe(page, titanic, check_accessibility):  # noqa: F811
    for url in ["/", "/releases/", "/releases/2030/", "/awards/", "/collections/"]:
        page.goto(url)
        check_accessibility(page)
