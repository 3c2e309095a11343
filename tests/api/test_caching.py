"""Every read carries an ETag and Last-Modified, and answers 304 when unchanged."""

from __future__ import annotations

import pytest

from django.utils.http import http_date

from plotguide.stories.models import Story
from tests.api.conftest import API

pytestmark = pytest.mark.django_db

READS = [
    "/meta",
    "/films",
    "/films?genre=drama&page_size=1",
    "/films/the-keeper-1970",
    "/films/the-keeper-1970/story?spoilers=upto:2",
    "/films/the-keeper-1970/similar",
    "/films/the-keeper-1970/quiz",
    "/people/liv-ullmann",
    "/studios/nordisk-film",
    "/collections",
]


@pytest.mark.parametrize("path", READS)
def test_a_read_answers_304_to_a_client_holding_its_etag(client, catalogue, path):
    first = client.get(API + path)
    assert first.status_code == 200
    assert first["ETag"].startswith('"')
    assert first.has_header("Last-Modified")
    again = client.get(API + path, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize("path", READS)
def test_a_read_answers_304_when_not_modified_since(client, catalogue, path):
    first = client.get(API + path)
    again = client.get(
        API + path, headers={"If-Modified-Since": first["Last-Modified"]}
    )
    assert again.status_code == 304


def test_a_changed_story_gets_a_new_etag_and_a_full_answer(client, catalogue):
    path = API + "/films/the-keeper-1970/story?spoilers=all"
    first = client.get(path)
    story = Story.objects.get(film=catalogue.keeper)
    story.corrections = {"notes": ["An editor's note."]}
    story.save()
    again = client.get(path, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert again.json()["notes"] == ["An editor's note."]


def test_an_older_copy_gets_the_full_answer(client, catalogue):
    response = client.get(
        API + "/films/the-keeper-1970", headers={"If-Modified-Since": http_date(0)}
    )
    assert response.status_code == 200


def test_each_spoiler_mode_has_its_own_etag(client, catalogue):
    path = API + "/films/the-keeper-1970/story?spoilers="
    tags = {client.get(path + mode)["ETag"] for mode in ("none", "upto:3", "all")}
    assert len(tags) == 3


def test_errors_and_writes_carry_no_validators(client, catalogue):
    missing = client.get(API + "/films/nothing-here")
    scored = client.post(
        API + "/films/the-keeper-1970/quiz",
        {"answers": []},
        content_type="application/json",
    )
    assert not missing.has_header("ETag")
    assert not scored.has_header("ETag")


def test_a_renamed_film_shows_its_new_title_in_its_story(client, catalogue):
    path = API + "/films/the-keeper-1970/story"
    assert client.get(path).json()["film"]["title"] == "The Keeper"
    catalogue.keeper.title = "The Lighthouse Keeper"
    catalogue.keeper.save()
    assert client.get(path).json()["film"]["title"] == "The Lighthouse Keeper"


def test_an_unpublished_story_stops_answering_at_once(client, catalogue):
    path = API + "/films/the-keeper-1970/story"
    assert client.get(path).status_code == 200
    Story.objects.filter(film=catalogue.keeper).update(status=Story.DRAFT)
    assert client.get(path).status_code == 404
