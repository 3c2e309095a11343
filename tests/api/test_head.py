"""Every API address that answers GET answers HEAD: same headers, no body."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v1/films", "/api/v1/openapi.json"])
def test_head_answers_like_get_without_a_body(client, path):
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    assert int(head["Content-Length"]) == len(get.content)
    assert head.get("ETag") == get.get("ETag")


def test_head_of_an_unknown_address_is_the_api_404(client):
    assert client.head("/api/v1/films/no-such-film").status_code == 404
