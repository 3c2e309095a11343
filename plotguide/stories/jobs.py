"""Queueing story builds: Celery on Redis at scale, a database queue by default."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from plotguide.catalog.models import Film
from plotguide.infra.broker import broker_url
from plotguide.stories.models import GenerationJob
from plotguide.stories.signals import story_build_failed


def queue_generation(film: Film) -> None:
    """Ask for the film's story to be rebuilt soon; asking twice queues it once.

    The job row records the outcome either way; with a broker, a Celery worker
    does the build, otherwise `plotguide work` (or the demo) drains the rows.
    """
    GenerationJob.objects.update_or_create(
        film=film,
        defaults={
            "status": GenerationJob.QUEUED,
            "error": "",
            "queued_at": timezone.now(),
            "finished_at": None,
        },
    )
    if broker_url():
        from plotguide.celery_app import configure
        from plotguide.stories.tasks import generate_story

        configure()
        film_id = film.pk
        transaction.on_commit(lambda: generate_story.delay(film_id))


def queued_films() -> list[Film]:
    """Return the films whose story build is waiting, oldest request first."""
    return [
        job.film
        for job in GenerationJob.objects.filter(status=GenerationJob.QUEUED)
        .select_related("film")
        .order_by("queued_at")
    ]


def finish(film_id: int, error: str = "") -> None:
    """Record the outcome of a queued build; a failure is announced to listeners."""
    GenerationJob.objects.filter(film_id=film_id).update(
        status=GenerationJob.FAILED if error else GenerationJob.DONE,
        error=error,
        finished_at=timezone.now(),
    )
    if error:
        story_build_failed.send(sender=GenerationJob, film_id=film_id, error=error)


def drain_queue(*, publish: bool = True, workers_count: int = 1) -> int:
    """Build every queued story once; return how many jobs were taken.

    A queued build always rebuilds: an editor's Regenerate asks for it even
    when the plot has not changed. With a broker, Celery workers own the queue.
    """
    from plotguide.stories.services import build_stories

    if broker_url():
        return 0  # Celery workers build the queued stories.
    film_ids = [film.pk for film in queued_films()]
    if film_ids:
        build_stories(
            Film.objects.filter(pk__in=film_ids),
            force=True,
            publish=publish,
            workers_count=workers_count,
        )
    return len(film_ids)
