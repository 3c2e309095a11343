"""Pages refresh after work done in bulk: an import, a similar-films refresh."""

from __future__ import annotations

from plotguide.catalog.importers.records import CAST, CreditRecord, FilmRecord, Location
from plotguide.catalog.services import import_records
from plotguide.site import caching
from plotguide.stories.models import Story
from plotguide.stories.similarity import refresh_similar_films


def test_an_import_that_changes_a_film_refreshes_its_cached_page(
    rush, client, django_capture_on_commit_callbacks
):
    url = rush.get_absolute_url()
    assert "Zed Newman" not in client.get(url).content.decode()
    record = FilmRecord(
        source="tmdb",
        location=Location("credits.csv", 2),
        title=rush.title,
        year=rush.year,
        credits=(CreditRecord("Zed Newman", CAST, "Deputy Zed", 9),),
    )
    with django_capture_on_commit_callbacks(execute=True):
        import_records([record])
    assert "Zed Newman" in client.get(url).content.decode()


def test_refreshing_similar_films_invalidates_the_cached_pages(
    rush, client, django_capture_on_commit_callbacks
):
    client.get(rush.get_absolute_url())
    scope = f"film:{rush.slug}"
    before = caching.version(scope)
    with django_capture_on_commit_callbacks(execute=True):
        refresh_similar_films(Story.objects.published().select_related("film"))
    assert caching.version(scope) == before + 1
