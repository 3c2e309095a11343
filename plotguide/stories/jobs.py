"""Queueing story builds: Celery on Redis at scale, a database queue by default."""

from __future__ import annotations

import os

from django.utils import timezone

from plotguide.catalog.models import Film
from plotguide.stories.models import GenerationJob, Story
from plotguide.stories.signals import story_build_failed


def broker_url() -> str:
    return os.environ.get("PLOTGUIDE_BROKER_URL", "")


def queue_generation(film: Film) -> None:
    """Ask for the film's story to be built soon; asking twice queues it once."""
    if broker_url():
        from plotguide.celery_app import configure
        from plotguide.stories.tasks import generate_story

        configure()
        generate_story.delay(film.pk)
        return
    GenerationJob.objects.update_or_create(
        film=film,
        defaults={
            "status": GenerationJob.QUEUED,
            "error": "",
            "queued_at": timezone.now(),
            "finished_at": None,
        },
    )


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
    """Build every queued story once; return how many jobs were taken."""
    from plotguide.stories.services import films_for_generation, generate_stories
    from plotguide.stories.similarity import link_new_stories

    films = queued_films()
    if not films:
        return 0
    queryset = films_for_generation(Film.objects.filter(pk__in=[f.pk for f in films]))
    report = generate_stories(
        queryset, workers_count=workers_count, publish=publish, force=True
    )
    failed = dict(report.failed)
    unfaithful = set(
        Story.objects.filter(film__in=films, is_faithful=False).values_list(
            "film_id", flat=True
        )
    )
    for film in films:
        if not film.plot:
            error = "the film has no plot"
        elif film.pk in unfaithful:
            error = "the story failed a faithfulness check; an editor reviews it"
        else:
            error = failed.get(film.slug, "")
        finish(film.pk, error)
    if publish and report.generated:
        link_new_stories([film.pk for film in films])
    return len(films)
