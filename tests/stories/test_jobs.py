"""The generation queue of the embedded default: asked once, built once."""

from __future__ import annotations

from plotguide.stories.jobs import drain_queue, queue_generation, queued_films
from plotguide.stories.models import GenerationJob, Story
from tests.stories.conftest import KEEPER_PLOT, add_film


def test_asking_twice_queues_one_job(db):
    film = add_film("Queued", KEEPER_PLOT)
    queue_generation(film)
    queue_generation(film)
    assert queued_films() == [film]


def test_draining_builds_and_publishes_the_story(db):
    film = add_film("Queued", KEEPER_PLOT)
    queue_generation(film)
    assert drain_queue() == 1
    assert Story.objects.published().filter(film=film).exists()
    assert GenerationJob.objects.get(film=film).status == GenerationJob.DONE
    assert drain_queue() == 0


def test_a_film_without_a_plot_fails_its_job_with_the_reason(db):
    film = add_film("Silent", "")
    queue_generation(film)
    drain_queue()
    job = GenerationJob.objects.get(film=film)
    assert (job.status, job.error) == (GenerationJob.FAILED, "the film has no plot")


def test_editors_see_a_failed_job_and_its_reason_in_the_admin(admin_client):
    film = add_film("Silent", "")
    queue_generation(film)
    drain_queue()
    page = admin_client.get("/admin/stories/generationjob/?status=failed")
    assert page.status_code == 200
    assert "Silent" in page.text and "the film has no plot" in page.text
