"""The API's interactive docs work without the internet, with or without a slash."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_docs_load_their_assets_from_this_site(client):
    page = client.get("/api/v1/docs").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', page)
    assert assets and all(asset.startswith("/static/") for asset in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200


def test_the_docs_answer_with_a_trailing_slash(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/api/v1/docs")
