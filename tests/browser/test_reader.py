"""A reader in a browser: spoilers, quiz, requests, waitlist, search, similar films.

Every page visited is also checked with axe-core for serious accessibility faults.
"""

from __future__ import annotations

import re

import pytest

from django.core import mail

from plotguide.stories.models import Story
from plotguide.stories.spoilers import ALL, SpoilerMode, event_choices
from tests.site.factories import RUSH_ENDING

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose_spoilers(page, label: str) -> None:
    page.get_by_label("How much do you want to know?").select_option(label=label)
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()


def test_switching_spoiler_modes_shows_and_hides_the_ending(
    page, rush, check_accessibility
):
    page.goto(rush.get_absolute_url())
    assert page.get_by_role("heading", name="Rush (1991)").is_visible()
    assert RUSH_ENDING not in page.content()
    check_accessibility(page)
    choose_spoilers(page, "Everything, ending included")
    assert page.get_by_role("heading", name="Ending explained", exact=True).is_visible()
    assert RUSH_ENDING in page.inner_text("#ending")
    check_accessibility(page)
    sections = Story.objects.get(film=rush).sections
    (_, second), *_ = event_choices(sections, SpoilerMode(ALL))[1:]
    choose_spoilers(page, f"Up to where I stopped: {second}")
    assert RUSH_ENDING not in page.content()
    assert second.split(". ", 1)[1] in page.inner_text("#timeline")
    choose_spoilers(page, "No spoilers")
    assert RUSH_ENDING not in page.content()
    assert page.get_by_text("The plot summary is hidden").is_visible()


def test_everything_on_one_film_leaves_the_next_films_ending_hidden(page, rush):
    page.goto(rush.get_absolute_url())
    choose_spoilers(page, "Everything, ending included")
    assert RUSH_ENDING in page.inner_text("#ending")
    serpico = Story.objects.select_related("film").get(film__title="Serpico")
    serpico_ending = serpico.sections["summary"]["ending"][0]["text"]
    page.goto(serpico.film.get_absolute_url())
    assert serpico_ending not in page.content()
    assert page.get_by_text("The plot summary is hidden").is_visible()
    page.goto(rush.get_absolute_url())
    assert RUSH_ENDING in page.inner_text("#ending")


def test_the_quiz_is_answered_and_scored_with_sources(page, rush, check_accessibility):
    page.goto(rush.get_absolute_url())
    page.get_by_role("link", name=re.compile("Test your knowledge of Rush")).click()
    check_accessibility(page)
    for group in page.locator("fieldset").all():
        group.locator("input[type=radio]").first.check()
    page.get_by_role("button", name="Check my answers").click()
    assert page.get_by_role("heading", name=re.compile(r"You scored \d+ out of \d+"))
    assert page.locator("blockquote").count() >= 1
    check_accessibility(page)


def test_a_reader_requests_a_summary_and_sees_its_status(
    page, rush, check_accessibility
):
    page.goto("/")
    page.get_by_role("link", name="Request a summary").click()
    check_accessibility(page)
    page.get_by_label("Film title").fill("The Lighthouse")
    page.get_by_label("Year (optional)").fill("2019")
    page.get_by_role("button", name="Send the request").click()
    assert page.locator(".request-status").inner_text() == "Waiting for an editor"
    check_accessibility(page)


def test_a_reader_joins_and_leaves_the_waitlist(page, rush, check_accessibility):
    page.goto("/waitlist/")
    check_accessibility(page)
    page.get_by_label("Your email").fill("reader@example.org")
    page.get_by_role("button", name="Join the waitlist").click()
    assert page.get_by_role("heading", name="Check your inbox").is_visible()
    assert "reader@example.org" not in page.content()
    (message,) = mail.outbox
    confirm = re.search(r"(/waitlist/confirm/\S+/)", message.body).group(1)
    page.goto(confirm)
    assert page.get_by_role("heading", name="You are on the waitlist").is_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Changed your mind? Leave the waitlist").click()
    page.get_by_role("button", name="Remove my address").click()
    assert page.get_by_text("Your address is deleted.").is_visible()
    check_accessibility(page)


def test_search_with_a_typo_then_follow_a_similar_film(page, rush, check_accessibility):
    page.goto("/")
    page.get_by_role("searchbox").fill("donie brasko")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_accessibility(page)
    page.get_by_role("link", name="Donnie Brasco", exact=True).click()
    assert page.get_by_role("heading", name="Donnie Brasco (1997)").is_visible()
    page.goto(rush.get_absolute_url())
    page.locator("#similar").get_by_role("link", name="Serpico (1973)").click()
    assert page.get_by_role("heading", name="Serpico (1973)").is_visible()
    check_accessibility(page)


def test_hubs_pass_the_accessibility_check(page, rush, check_accessibility):
    for url in [
        "/",
        "/releases/",
        "/people/",
        "/people/al-pacino/",
        "/studios/",
        "/stories/",
        "/awards/",
        "/music/",
        "/collections/",
        "/search/",
    ]:
        page.goto(url)
        check_accessibility(page)


def test_keyboard_reaches_the_spoiler_choice_and_the_skip_link(page, rush):
    page.goto(rush.get_absolute_url())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "spoiler-choice":
            break
    assert page.evaluate("document.activeElement.id") == "spoiler-choice"
