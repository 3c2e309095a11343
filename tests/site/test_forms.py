"""Quiz, search, summary requests and the waitlist, as a reader uses them."""

from __future__ import annotations

import re

import pytest

from django.core import mail
from django.test import Client

from plotguide.audience.models import SummaryRequest, WaitlistSignup
from plotguide.stories.models import Story


def test_the_quiz_is_scored_on_the_server_with_each_answers_source(client, rush):
    url = f"/films/{rush.slug}/quiz/?spoilers=all"
    form = client.get(url).content.decode()
    assert 'name="q0"' in form
    questions = Story.objects.get(film=rush).sections["quiz"]["questions"]
    answers = {f"q{n}": str(q["answer"]) for n, q in enumerate(questions)}
    answers["q0"] = str((questions[0]["answer"] + 1) % len(questions[0]["options"]))
    result = client.post(url, answers).content.decode()
    total = len(questions)
    assert f"You scored {total - 1} out of {total}" in result
    assert "The right answer:" in result
    assert result.count("<blockquote>") >= total


@pytest.mark.django_db
def test_search_finds_a_film_despite_a_typo(client, rush):
    html = client.get("/search/", {"q": "donie brasko"}).content.decode()
    assert 'href="/films/donnie-brasco-1997/">Donnie Brasco</a>' in html
    html = client.get("/search/", {"q": "lefty rugiero"}).content.decode()
    assert "character in Donnie Brasco, played by Al Pacino" in html


@pytest.mark.django_db
def test_search_escapes_the_query_and_offers_a_request_when_nothing_matches(client):
    html = client.get("/search/", {"q": "<b>zzqx</b>"}).content.decode()
    assert "&lt;b&gt;zzqx&lt;/b&gt;" in html
    assert "<b>zzqx" not in html
    assert "Request a summary of this film" in html


@pytest.mark.django_db
def test_a_request_leads_to_its_status_page_and_duplicates_add_up(client):
    response = client.post(
        "/requests/new/", {"title": "The Lighthouse", "year": "2019", "note": "Hi"}
    )
    status_url = response["Location"]
    client.post("/requests/new/", {"title": "the lighthouse", "year": "2019"})
    html = client.get(status_url).content.decode()
    assert "Waiting for an editor" in html
    assert "<dd>2</dd>" in html
    assert SummaryRequest.objects.get().count == 2


@pytest.mark.django_db
def test_a_request_form_with_errors_says_what_to_fix(client):
    html = client.post("/requests/new/", {"title": "", "year": "3000"}).content
    assert b"This field is required." in html
    assert b"3000 is too far ahead; give the release year." in html


@pytest.mark.django_db
def test_forms_refuse_posts_without_the_csrf_token():
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/requests/new/", {"title": "Rush"}).status_code == 403
    assert strict.post("/waitlist/", {"email": "a@example.org"}).status_code == 403


@pytest.mark.django_db
def test_too_many_requests_get_a_429_with_a_wait(client, settings):
    settings.PLOTGUIDE_RATE_LIMITS = {"summary_request": (2, 600)}
    codes = [
        client.post("/requests/new/", {"title": f"Film {n}"}).status_code
        for n in range(3)
    ]
    assert codes == [302, 302, 429]


@pytest.mark.django_db
def test_the_waitlist_confirms_by_mail_and_leaving_takes_one_click(client):
    response = client.post("/waitlist/", {"email": "reader@example.org"}, follow=True)
    html = response.content.decode()
    assert "Check your inbox" in html
    assert "reader@example.org" not in html
    (message,) = mail.outbox
    confirm = re.search(r"http://\S+(/waitlist/confirm/\S+/)", message.body).group(1)
    assert "You are on the waitlist" in client.get(confirm).content.decode()
    assert WaitlistSignup.objects.get().is_confirmed
    leave = re.search(r"http://\S+(/waitlist/leave/\S+/)", message.body).group(1)
    html = client.post(leave).content.decode()
    assert "Your address is deleted." in html
    assert not WaitlistSignup.objects.exists()
    assert client.get(confirm).status_code == 404
