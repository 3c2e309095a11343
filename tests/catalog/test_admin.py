"""Editors type films in the admin under the same plot rules as the importers."""

from __future__ import annotations

import pytest

from django.contrib.auth.models import User

from plotguide.catalog.models import Film

ADD = "/admin/catalog/film/add/"


@pytest.fixture
def editor(client, db):
    client.force_login(User.objects.create_superuser("editor", "e@example.org", "pw"))
    return client


def add_film(editor, plot: str):
    page = editor.get(ADD)
    data = {"title": "Typed In", "year": "1999", "slug": "typed-in-1999", "plot": plot}
    data["field_sources"] = "{}"
    for inline in page.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return editor.post(ADD, data)


def test_a_plot_over_the_import_limit_is_refused_with_the_importers_words(editor):
    response = add_film(editor, "A storm comes. " * 13_334 + "End.")
    assert response.status_code == 200
    assert (
        "The plot is 200,014 characters; the limit is 200,000. "
        "Shorten it or split the file." in response.text
    )
    assert not Film.objects.exists()


def test_a_plot_within_the_limit_is_saved(editor):
    response = add_film(editor, "Mara keeps the lighthouse. A storm comes.")
    assert response.status_code == 302, response.text[-2000:]
    assert Film.objects.get().plot == "Mara keeps the lighthouse. A storm comes."
