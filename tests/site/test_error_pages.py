"""The 404 and 500 pages: styled like the site, each with a search to go on."""

from __future__ import annotations

import pytest

from django.test import Client


@pytest.mark.django_db
def test_a_missing_page_says_so_and_offers_a_search(client, settings):
    settings.DEBUG = False
    response = client.get("/films/no-such-film/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "This page is not here" in html
    assert 'role="search"' in html and 'id="not-found-search"' in html
    assert 'action="/search/"' in html
    assert '<link rel="stylesheet"' in html


def test_a_broken_page_renders_the_500_page_without_the_database(settings):
    """No database here: the home page fails, and the error page still renders."""
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert 'role="search"' in html and 'action="/search/"' in html
    assert "Traceback" not in html
