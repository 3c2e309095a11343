"""Browsers on the origins a deployment allows may call the API."""

from __future__ import annotations

import pytest

from tests.api.conftest import API

pytestmark = pytest.mark.django_db

APP = "https://app.example.org"


def test_an_allowed_origin_may_read_and_see_the_validators(client, catalogue, settings):
    settings.PLOTGUIDE_CORS_ORIGINS = [APP]
    response = client.get(API + "/meta", headers={"Origin": APP})
    assert response["Access-Control-Allow-Origin"] == APP
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Origin" in response["Vary"]


def test_a_preflight_for_a_json_post_is_answered(client, db, settings):
    settings.PLOTGUIDE_CORS_ORIGINS = [APP]
    response = client.options(
        API + "/films/the-keeper-1970/quiz",
        headers={
            "Origin": APP,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, POST, OPTIONS"
    assert "Content-Type" in response["Access-Control-Allow-Headers"]


def test_any_origin_is_allowed_with_a_star(client, db, settings):
    settings.PLOTGUIDE_CORS_ORIGINS = ["*"]
    response = client.get(API + "/meta", headers={"Origin": "https://any.example"})
    assert response["Access-Control-Allow-Origin"] == "*"


def test_other_origins_get_no_cors_headers(client, db, settings):
    settings.PLOTGUIDE_CORS_ORIGINS = [APP]
    response = client.get(API + "/meta", headers={"Origin": "https://evil.example"})
    assert response.status_code == 200
    assert not response.has_header("Access-Control-Allow-Origin")


def test_answers_vary_on_origin_once_cors_is_on(client, db, settings):
    settings.PLOTGUIDE_CORS_ORIGINS = [APP]
    assert "Origin" in client.get(API + "/meta")["Vary"]


def test_cors_is_off_by_default(client, db):
    response = client.get(API + "/meta", headers={"Origin": APP})
    assert not response.has_header("Access-Control-Allow-Origin")


def test_pages_outside_the_api_get_no_cors_headers(client, db, settings):
    settings.PLOTGUIDE_CORS_ORIGINS = ["*"]
    response = client.get("/", headers={"Origin": APP})
    assert not response.has_header("Access-Control-Allow-Origin")
