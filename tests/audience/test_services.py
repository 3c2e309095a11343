"""Summary requests merge and route; the waitlist confirms, and forgets on leaving."""

from __future__ import annotations

import pytest

from django.core import mail
from django.core.cache import cache

from plotguide.audience.models import SummaryRequest, WaitlistSignup
from plotguide.audience.services import (
    confirm_signup,
    join_waitlist,
    leave_waitlist,
    request_summary,
)
from plotguide.catalog.models import Film
from plotguide.stories.models import GenerationJob

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_duplicate_requests_merge_into_one_with_a_count_and_all_notes():
    first = request_summary("The Lighthouse", 2019, note="Please!")
    second = request_summary("the lighthouse", 2019, note="The ending?")
    assert first.pk == second.pk
    second.refresh_from_db()
    assert second.count == 2
    assert second.notes == "Please!\nThe ending?"
    assert SummaryRequest.objects.count() == 1


def test_requests_naming_one_catalogue_film_merge_however_they_spell_it():
    titanic = Film.objects.create(title="Titanic", year=1997)
    first = request_summary("titanic", None)
    second = request_summary("Titanic (1997)", None)
    third = request_summary("TITANIC", 1997)
    assert first.pk == second.pk == third.pk
    third.refresh_from_db()
    assert (third.count, third.film) == (3, titanic)


def test_a_year_in_brackets_is_read_as_the_year():
    request = request_summary("Unknown Film (2031)", None)
    assert (request.title, request.year) == ("Unknown Film", 2031)


def test_a_request_for_a_film_outside_the_catalogue_waits_for_an_editor():
    request = request_summary("Unknown Film", None)
    assert request.status == SummaryRequest.NEW
    assert request.film is None


def test_a_request_for_a_catalogue_film_with_a_plot_queues_its_story():
    film = Film.objects.create(title="Rush", year=1991, plot="A cop goes undercover.")
    request = request_summary("Rush", 1991)
    assert request.status == SummaryRequest.QUEUED
    assert request.film == film
    assert GenerationJob.objects.filter(film=film).exists()


def test_joining_mails_a_confirmation_link_and_confirming_uses_it():
    join_waitlist("Reader@Example.org")
    (message,) = mail.outbox
    assert message.to == ["reader@example.org"]
    signup = WaitlistSignup.objects.get()
    assert f"/waitlist/confirm/{signup.token}/" in message.body
    assert (
        f"/waitlist/leave/{signup.token}/" in message.extra_headers["List-Unsubscribe"]
    )
    assert not signup.is_confirmed
    assert confirm_signup(signup.token)
    signup.refresh_from_db()
    assert signup.is_confirmed


def test_joining_again_after_confirming_sends_nothing_and_says_nothing():
    join_waitlist("reader@example.org")
    confirm_signup(WaitlistSignup.objects.get().token)
    join_waitlist("reader@example.org")
    assert len(mail.outbox) == 1


def test_leaving_deletes_the_address():
    join_waitlist("reader@example.org")
    token = WaitlistSignup.objects.get().token
    assert leave_waitlist(token)
    assert not WaitlistSignup.objects.exists()
    assert not leave_waitlist(token)


def test_the_address_is_not_in_the_signups_text():
    join_waitlist("reader@example.org")
    assert "reader" not in str(WaitlistSignup.objects.get())


def publish_a_story_for(film: Film) -> None:
    from plotguide.stories.models import Story

    Story.objects.create(
        film=film,
        engine="test",
        engine_version="0",
        data={},
        status=Story.PUBLISHED,
        is_faithful=True,
        plot_digest="x",
    )


def test_watchers_are_mailed_once_the_story_is_published_and_then_forgotten(
    django_capture_on_commit_callbacks,
):
    film = Film.objects.create(title="The Lighthouse", year=2019, plot="A plot.")
    request = request_summary("The Lighthouse", 2019, email="Reader@Example.com")
    assert request.watchers.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        publish_a_story_for(film)
    assert [message.to for message in mail.outbox] == [["reader@example.com"]]
    request.refresh_from_db()
    assert request.status == SummaryRequest.PUBLISHED
    assert not request.watchers.exists()


def test_an_address_is_not_kept_for_a_story_that_is_already_out():
    film = Film.objects.create(title="The Lighthouse", year=2019, plot="A plot.")
    publish_a_story_for(film)
    request = request_summary("The Lighthouse", 2019, email="reader@example.com")
    assert request.status == SummaryRequest.PUBLISHED
    assert not request.watchers.exists()


def test_a_request_whose_build_fails_goes_back_to_the_editors():
    from plotguide.stories.jobs import finish

    film = Film.objects.create(title="Rush", year=1991, plot="A cop goes undercover.")
    request = request_summary("Rush", 1991)
    assert request.status == SummaryRequest.QUEUED
    finish(film.pk, "the engine failed")
    request.refresh_from_db()
    assert request.status == SummaryRequest.NEW
