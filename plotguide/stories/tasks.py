"""Celery tasks: thin callers of the story services; they take ids, safe to rerun."""

from __future__ import annotations

from functools import cache

from plotguide.celery_app import app


@cache
def _engine():
    """Load the engine once per worker process, not once per task."""
    from plotguide.stories.engines import make_engine

    return make_engine()


@app.task(name="plotguide.generate_story")
def generate_story(film_id: int, publish: bool = True) -> str:
    """Rebuild one film's story in this worker; return the outcome in words.

    Like the database queue, a queued build always rebuilds, so an editor's
    Regenerate works when the plot has not changed.
    """
    import django

    django.setup()
    from plotguide.catalog.models import Film
    from plotguide.stories.services import build_stories

    report = build_stories(
        Film.objects.filter(pk=film_id), force=True, publish=publish, engine=_engine()
    )
    if report.failed:
        return f"failed: {report.failed[0][1]}"
    return report.summary()
