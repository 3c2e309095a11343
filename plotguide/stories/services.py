"""Building and saving stories: where catalogue films become the engine's input."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from plotguide.catalog.models import Film, credits_with_people
from plotguide.engine import (
    ENGINE_NAME,
    ENGINE_VERSION,
    CastCredit,
    EngineConfig,
    FilmText,
    OfflineEngine,
    PostCredits,
)
from plotguide.stories import workers
from plotguide.stories.models import Story

BATCH_SIZE = 8


@dataclass
class GenerationReport:
    generated: int = 0
    published: int = 0
    unfaithful: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.generated:,} generated ({self.published:,} published, "
            f"{self.unfaithful:,} failed a check), {len(self.failed):,} errors"
        )


def film_text(film: Film) -> FilmText:
    """Return the engine's input for a film: its plot and what its credits say."""
    credits = list(film.credits.all())
    post = getattr(film, "post_credits", None)
    return FilmText(
        title=film.title,
        year=film.year,
        plot=film.plot,
        cast=tuple(
            CastCredit(actor=c.person.name, character=c.character, order=c.order)
            for c in credits
            if c.role == c.CAST and c.character
        ),
        directors=tuple(c.person.name for c in credits if c.role == c.DIRECTOR),
        studios=tuple(studio.name for studio in film.studios.all()),
        genres=tuple(genre.name for genre in film.genres.all()),
        keywords=tuple(keyword.name for keyword in film.keywords.all()),
        post_credits=None
        if post is None
        else PostCredits(
            kind=post.kind, description=post.description, source=post.source
        ),
    )


def digest(text: FilmText) -> str:
    """Return a digest of the engine input; a story is rebuilt when it changes."""
    payload = json.dumps(asdict(text), sort_keys=True, default=str)
    return hashlib.sha256(f"{ENGINE_VERSION}\n{payload}".encode()).hexdigest()


def films_for_generation(films: QuerySet[Film]) -> QuerySet[Film]:
    """Return the films with a plot, ready for film_text() without extra queries."""
    return (
        films.with_plot()
        .select_related("post_credits", "story")
        .prefetch_related(credits_with_people(), "studios", "genres", "keywords")
    )


def save_story(
    film: Film, data: dict[str, Any], plot_digest: str, *, publish: bool
) -> Story:
    """Save all sections of a story at once, so a failed run never leaves half a story.

    A story that fails a faithfulness check is never published; an editor's
    corrections survive regeneration.
    """
    report = data.get("report", [])
    is_faithful = all(check.get("passed") for check in report)
    with transaction.atomic():
        story = Story.objects.filter(film=film).first() or Story(film=film)
        story.engine = data.get("engine", ENGINE_NAME)
        story.engine_version = data.get("engine_version", ENGINE_VERSION)
        story.data = data
        story.report = report
        story.is_faithful = is_faithful
        story.plot_digest = plot_digest
        if not is_faithful:
            story.status = Story.DRAFT
        elif publish:
            story.status = Story.PUBLISHED
        story.save()
    return story


def generate_stories(
    films: Iterable[Film],
    *,
    workers_count: int = 0,
    publish: bool = False,
    force: bool = False,
    config: EngineConfig | None = None,
    engine: OfflineEngine | None = None,
    limit: int | None = None,
    on_progress: Callable[[Iterator[Any], int], Iterator[Any]] = lambda items, n: items,
) -> GenerationReport:
    """Build the story of each film whose story is missing or out of date.

    Work is spread over worker processes (one per core by default); each
    finished story is saved as soon as it arrives, so the site fills in
    behind a server that is already up. A loaded engine, when given, does the
    work in this process instead. The limit counts stories to build, so
    repeated limited runs make progress through the catalogue.
    """
    config = config or EngineConfig()
    by_id: dict[int, tuple[Film, str]] = {}
    jobs: list[tuple[int, FilmText]] = []
    for film in films:
        text = film_text(film)
        plot_digest = digest(text)
        current = getattr(film, "story", None)
        if not force and current is not None and current.plot_digest == plot_digest:
            continue
        by_id[film.pk] = (film, plot_digest)
        jobs.append((film.pk, text))
        if limit is not None and len(jobs) >= limit:
            break
    report = GenerationReport()
    outcomes = (
        workers.run_with(engine, jobs)
        if engine is not None
        else _run(jobs, workers_count, config)
    )
    for film_id, data, error in on_progress(outcomes, len(jobs)):
        film, plot_digest = by_id[film_id]
        if data is None:
            report.failed.append((film.slug, error))
            continue
        story = save_story(film, data, plot_digest, publish=publish)
        report.generated += 1
        report.published += story.status == Story.PUBLISHED
        report.unfaithful += not story.is_faithful
    return report


def _run(
    jobs: Sequence[tuple[int, FilmText]], workers_count: int, config: EngineConfig
) -> Iterator[workers.Outcome]:
    batches = [jobs[i : i + BATCH_SIZE] for i in range(0, len(jobs), BATCH_SIZE)]
    if not batches:
        return
    count = workers_count or os.cpu_count() or 1
    if count == 1 or len(batches) == 1:
        engine = OfflineEngine(config)
        for batch in batches:
            yield from workers.run_with(engine, batch)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(
        min(count, len(batches)), initializer=workers.start_worker, initargs=(config,)
    ) as pool:
        for outcomes in pool.imap_unordered(workers.run_batch, batches):
            yield from outcomes
