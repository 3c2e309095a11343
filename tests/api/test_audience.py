"""Summary requests and waitlist sign-ups from the app: the site's rules, as JSON."""

from __future__ import annotations

import pytest

from plotguide.audience.models import SummaryRequest, WaitlistSignup
from tests.api.conftest import API, post_json

pytestmark = pytest.mark.django_db


def test_a_request_for_an_unknown_film_is_recorded_for_the_editors(client, db):
    body = post_json(
        client,
        "/requests",
        {"title": "  Rush  ", "year": 1991, "email": "reader@example.org"},
        status=201,
    )
    request = SummaryRequest.objects.get()
    assert body == {
        "title": "Rush",
        "year": 1991,
        "status": "new",
        "request_count": 1,
        "status_url": request.get_absolute_url(),
    }
    assert request.watchers.get().email == "reader@example.org"


def test_requests_for_one_film_merge_and_never_echo_addresses(client, db):
    post_json(client, "/requests", {"title": "Rush", "year": 1991}, status=201)
    response = client.post(
        API + "/requests",
        {"title": "rush", "year": 1991, "email": "second@example.org"},
        content_type="application/json",
    )
    assert response.json()["request_count"] == 2
    assert b"example.org" not in response.content


def test_a_film_with_a_plot_is_queued_for_its_story(client, catalogue):
    catalogue.bare.plot = "A woman returns to an empty house."
    catalogue.bare.save()
    body = post_json(
        client, "/requests", {"title": "Empty Rooms", "year": 1999}, status=201
    )
    assert body["status"] == "queued"


def test_a_film_whose_story_is_out_is_a_conflict(client, catalogue):
    body = post_json(
        client, "/requests", {"title": "The Keeper", "year": 1970}, status=409
    )
    assert body["error"] == {
        "code": "story_already_published",
        "message": "The Keeper (1970) already has a story: "
        "/api/v1/films/the-keeper-1970/story",
        "field": "title",
    }
    assert not SummaryRequest.objects.exists()


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (
            {"title": "!!!"},
            "title",
            "title: Give the film's title in words or numbers.",
        ),
        ({"title": "Rush", "year": 1200}, "year", "year: Ensure this value is"),
        ({"title": "Rush", "email": "not-an-address"}, "email", "email: Enter a"),
        ({"year": 1991}, "title", "title: Field required"),
    ],
)
def test_a_bad_request_names_the_field(client, db, body, field, message):
    error = post_json(client, "/requests", body, status=422)["error"]
    assert (error["code"], error["field"]) == ("invalid_field", field)
    assert error["message"].startswith(message)


def test_joining_the_waitlist_mails_a_confirmation_link(client, db, mailoutbox):
    body = post_json(client, "/waitlist", {"email": "Fan@Example.org"}, status=202)
    signup = WaitlistSignup.objects.get()
    assert (signup.email, signup.is_confirmed) == ("fan@example.org", False)
    assert f"/waitlist/confirm/{signup.token}/" in mailoutbox[0].body
    assert "example.org" not in str(body) and signup.token not in str(body)


def test_the_answer_does_not_say_whether_an_address_was_known(client, db):
    first = client.post(
        API + "/waitlist", {"email": "fan@example.org"}, content_type="application/json"
    )
    WaitlistSignup.objects.update(is_confirmed=True)
    second = client.post(
        API + "/waitlist", {"email": "fan@example.org"}, content_type="application/json"
    )
    assert (first.status_code, first.content) == (second.status_code, second.content)


def test_an_address_that_is_not_one_is_refused(client, db):
    error = post_json(client, "/waitlist", {"email": "fan at home"}, status=422)
    assert (error["error"]["field"], error["error"]["code"]) == (
        "email",
        "invalid_field",
    )
    assert not WaitlistSignup.objects.exists()


@pytest.mark.parametrize(
    ("path", "scope", "body"),
    [
        ("/requests", "summary_request", {"title": "Rush"}),
        ("/waitlist", "waitlist", {"email": "fan@example.org"}),
        ("/films/the-keeper-1970/quiz", "quiz", {"answers": []}),
    ],
)
def test_writes_are_rate_limited_per_client(
    client, catalogue, settings, path, scope, body
):
    settings.PLOTGUIDE_RATE_LIMITS = {scope: (1, 600)}
    client.post(API + path, body, content_type="application/json")
    response = client.post(API + path, body, content_type="application/json")
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert response["Retry-After"]
