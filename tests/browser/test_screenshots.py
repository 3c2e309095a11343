"""Screenshots of every kind of page, phone and desktop, light and dark, each checked
with axe-core; they land in artifacts/screenshots/ for people to look at."""

from __future__ import annotations

import pytest

from plotguide.catalog.models import Film, Genre
from plotguide.stories.models import Story
from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def pages(rush) -> dict[str, str]:
    """Name and address of each page to photograph, Rush with genres and a rating."""
    rush.vote_average, rush.vote_count = 6.2, 96
    rush.save()
    rush.genres.add(
        *(Genre.objects.get_or_create_named(n)[0] for n in ("Crime", "Drama"))
    )
    events = Story.objects.get(film=rush).sections["timeline"]["events"]
    jaws = Film.objects.create(
        title="Jaws",
        year=1975,
        runtime_minutes=124,
        vote_average=7.5,
        vote_count=3000,
        overview="An insatiable great white shark terrorizes the townspeople of "
        "Amity Island. The police chief, an oceanographer and a grizzled shark "
        "hunter seek to destroy the bloodthirsty beast.",
    )
    jaws.genres.add(*(Genre.objects.get_or_create_named(n)[0] for n in ("Horror",)))
    film = rush.get_absolute_url()
    return {
        "home": "/",
        "film-none": film + "?spoilers=none",
        "film-upto": film + f"?spoilers=upto:{len(events) // 2}",
        "film-all": film + "?spoilers=all",
        "film-without-story": jaws.get_absolute_url(),
        "hub": "/stories/",
        "search": "/search/?q=rush",
        "quiz": film + "quiz/",
        "not-found": "/films/no-such-film/",
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_every_page_reads_well_and_passes_axe(
    browser, live_server, pages, device, scheme, check_accessibility
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        base_url=live_server.url,
        color_scheme=scheme,
        viewport=PHONE if device == "phone" else DESKTOP,
    )
    tab = context.new_page()
    for name, url in pages.items():
        tab.goto(url)
        tab.evaluate("document.fonts.ready")
        path = SCREENSHOTS / f"{name}-{device}-{scheme}.png"
        tab.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
        check_accessibility(tab)
    context.close()


def test_a_phone_sees_the_film_and_the_spoiler_choice_on_its_first_screen(
    browser, live_server, pages
):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    tab = context.new_page()
    tab.goto(pages["film-none"])
    for selector in [
        "h1",
        ".hero-meta",
        ".hero-credits",
        ".premise",
        "#spoiler-choice",
    ]:
        box = tab.locator(selector).bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], selector
    assert "Drama" in tab.inner_text(".hero-meta")
    assert "Jason Patric" in tab.inner_text(".hero-credits")
    context.close()


def test_the_not_found_page_offers_a_search_that_works(page, rush):
    response = page.goto("/films/no-such-film/")
    assert response.status == 404
    search = page.locator("main").get_by_role("searchbox")
    search.fill("rush")
    with page.expect_navigation():
        search.press("Enter")
    assert page.get_by_role("link", name="Rush", exact=True).first.is_visible()
