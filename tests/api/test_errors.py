"""Every failure has one shape, a stable code listed in docs/errors.md, and the
right status."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from django.test import Client

from plotguide.api.errors import CODES
from plotguide.stories.models import Story
from tests.api.conftest import API

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs" / "errors.md"


def assert_error(response, status: int, code: str, field: str | None = None) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "field"}
    assert body["error"]["code"] == code
    assert body["error"]["field"] == field
    assert body["error"]["message"]
    return body["error"]


def test_an_unknown_address_under_the_api_is_a_json_404(client, db):
    assert_error(client.get(API + "/nothing/here"), 404, "not_found")


def test_a_slug_with_characters_no_slug_has_is_refused(client, db):
    assert_error(client.get(API + "/films/a%20b"), 422, "invalid_field", "slug")


def test_a_method_an_address_does_not_take_is_a_json_405(client, catalogue):
    response = client.delete(API + "/films/the-keeper-1970")
    error = assert_error(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET"
    assert "it takes GET" in error["message"]


def test_a_body_that_is_not_json_is_a_400(client, catalogue):
    response = client.post(
        API + "/films/the-keeper-1970/quiz", "{answers", content_type="application/json"
    )
    assert_error(response, 400, "bad_request")


def test_a_missing_body_field_is_a_422_naming_it(client, catalogue):
    response = client.post(
        API + "/films/the-keeper-1970/quiz", {}, content_type="application/json"
    )
    error = assert_error(response, 422, "invalid_field", "answers")
    assert error["message"] == "answers: Field required"


def test_hostile_query_text_is_refused_or_answered_never_echoed(client, catalogue):
    response = client.get(API + "/films", {"genre": "<script>alert(1)</script>"})
    assert_error(response, 422, "invalid_field", "genre")
    assert b"<script>" not in response.content


def test_a_failure_on_the_server_is_a_json_500(catalogue):
    Story.objects.filter(film=catalogue.keeper).update(data={"timeline": "broken"})
    client = Client(raise_request_exception=False)
    response = client.get(API + "/films/the-keeper-1970/story")
    error = assert_error(response, 500, "server_error")
    assert "Try again later" in error["message"]
    assert b"Traceback" not in response.content


def test_pages_outside_the_api_keep_their_html_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/json")


def test_docs_list_every_api_error_code_with_its_status():
    text = DOCS.read_text()
    api_section = text.split("## API", 1)[1]
    listed = dict(re.findall(r"^\| `([a-z_]+)` \| (\d{3}) \|", api_section, re.M))
    assert listed == {code: str(status) for code, status in CODES.items()}
