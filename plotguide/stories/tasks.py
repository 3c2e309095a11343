"""Celery tasks: thin callers of the story services; they take ids, safe to rerun."""

from __future__ import annotations

from functools import cache

from plotguide.celery_app import app


@cache
def _engine():
    """Load spaCy once per worker process, not once per task."""
    from plotguide.engine import EngineConfig, OfflineEngine

    return OfflineEngine(EngineConfig())


@app.task(name="plotguide.generate_story")
def generate_story(film_id: int, publish: bool = True) -> str:
    """Build one film's story in this worker; return the outcome in words."""
    import django

    django.setup()
    from plotguide.catalog.models import Film
    from plotguide.stories.services import films_for_generation, generate_stories
    from plotguide.stories.similarity import link_new_stories

    films = films_for_generation(Film.objects.filter(pk=film_id))
    report = generate_stories(films, engine=_engine(), publish=publish)
    if report.failed:
        return f"failed: {report.failed[0][1]}"
    if publish and report.generated:
        link_new_stories([film_id])
    return report.summary()
