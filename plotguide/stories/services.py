"""Building stories: the one service every caller uses (CLI, queue, Celery, admin).

build_stories() turns catalogue films into the engine's input, runs the engine
(in this process or over worker processes), checks each story against the story
format, saves it with its job's outcome in one transaction, announces failures
and links similar films. A build stopped half-way leaves every film either with
its old story or with a whole new one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import transaction

from plotguide.catalog.models import Film, FilmQuerySet, credits_with_people
from plotguide.engine import (
    ENGINE_NAME,
    ENGINE_VERSION,
    CastCredit,
    FilmText,
    PostCredits,
)
from plotguide.engine.errors import EngineError
from plotguide.engine.writer import WRITER_NAME, WriterEngine
from plotguide.stories import jobs, workers
from plotguide.stories.engines import (
    EngineOptions,
    StoryEngine,
    engine_options,
    make_engine,
)
from plotguide.stories.models import Story
from plotguide.stories.similarity import link_new_stories

logger = logging.getLogger(__name__)

# Films a worker builds at once: its engine encodes all their sentences in one
# call, which 16 films fill well (docs/benchmarks.md), while a small build
# still spreads over both workers.
BATCH_SIZE = 16
# Films are read in chunks: prefetching credits for thousands of films at once
# makes a query larger than SQLite accepts.
PREFETCH_CHUNK = 400
NO_PLOT = "the film has no plot"
UNFAITHFUL = "the story failed a faithfulness check; an editor reviews it"

Progress = Callable[[Iterator[Any], int], Iterator[Any]]


@dataclass
class BuildReport:
    generated: int = 0
    published: int = 0
    unfaithful: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    similar_count: int = 0
    seconds: float = 0.0

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


def films_for_generation(films: FilmQuerySet) -> FilmQuerySet:
    """Return the films with a plot, ready for film_text() without extra queries."""
    return (
        films.with_plot()
        .select_related("post_credits", "story")
        .prefetch_related(credits_with_people(), "studios", "genres", "keywords")
    )


def save_story(
    film: Film,
    data: dict[str, Any],
    plot_digest: str,
    *,
    publish: bool,
    as_draft: bool = False,
) -> Story:
    """Save all sections of a story at once, so a failed run never leaves half a story.

    A story that fails a faithfulness check is never published, and never
    replaces a published one: readers keep the version that passed until a
    rebuild passes too. An editor's corrections survive regeneration.

    as_draft (an editor's rewrite) leaves the new version for review: beside a
    published story as its draft version, which readers never see until an
    editor publishes it; in place of an unpublished one, as a draft.
    """
    report = data.get("report", [])
    is_faithful = all(check.get("passed") for check in report)
    with transaction.atomic():
        story = Story.objects.filter(film=film).first() or Story(film=film)
        if as_draft and story.is_published:
            story.draft_version = {
                "data": data,
                "report": report,
                "is_faithful": is_faithful,
                "engine": data.get("engine", ENGINE_NAME),
                "engine_version": data.get("engine_version", ENGINE_VERSION),
                "plot_digest": plot_digest,
            }
            story.save(update_fields=["draft_version", "updated_at"])
            return story
        if story.is_published and not is_faithful:
            logger.warning(
                "Story of %s rebuilt with a failed check; the published one stays.",
                film.slug,
            )
            return story
        story.engine = data.get("engine", ENGINE_NAME)
        story.engine_version = data.get("engine_version", ENGINE_VERSION)
        story.data = data
        story.report = report
        story.is_faithful = is_faithful
        story.plot_digest = plot_digest
        if as_draft or (
            story.draft_version
            and story.draft_version.get("plot_digest") != plot_digest
        ):
            # A draft version built from an older plot tells an older story.
            story.draft_version = None
        if not is_faithful or as_draft:
            story.status = Story.DRAFT
        elif publish:
            story.status = Story.PUBLISHED
        story.save()
    return story


def build_stories(
    films: FilmQuerySet,
    *,
    force: bool = False,
    publish: bool = False,
    as_draft: bool = False,
    engine: StoryEngine | None = None,
    options: EngineOptions | None = None,
    workers_count: int = 1,
    limit: int | None = None,
    on_progress: Progress = lambda items, n: items,
) -> BuildReport:
    """Build, check and save the story of each film; record and announce outcomes.

    A story is rebuilt only when its engine input changed, unless force. A film
    without a plot, a build the engine refuses and a story that fails a check
    each finish the film's queued job as failed and send story_build_failed, so
    no reader's request waits on it. The engine is the given one, or
    make_engine()'s: in this process when workers_count is 1, else one per
    worker process (0: one process per core); options (default: the
    settings' PLOTGUIDE_ENGINE) describe the engine make_engine() builds, in
    worker processes too. The limit counts stories to build, so repeated
    limited runs go through the catalogue.

    as_draft is an editor's rewrite (see save_story): it never changes what
    readers see, and never finishes or fails the films' queued jobs.
    """
    started = time.monotonic()
    report = BuildReport()
    jobs_too = not as_draft
    for film_id, slug in films.filter(plot="").values_list("pk", "slug"):
        _finish(report, film_id, slug, NO_PLOT, jobs_too=jobs_too)
    by_id, pending = _pending(
        films,
        force=force,
        limit=limit,
        report=report,
        writer=_builds_with_writer(engine, options),
        jobs_too=jobs_too,
    )
    built: list[int] = []
    # closing() stops the worker processes at once when the build is interrupted.
    with closing(_outcomes(pending, engine, options, workers_count)) as outcomes:
        for film_id, data, error in on_progress(outcomes, len(pending)):
            film, plot_digest = by_id[film_id]
            story = _save(
                film,
                data,
                error,
                plot_digest,
                publish=publish,
                as_draft=as_draft,
                report=report,
            )
            if story is not None and story.is_published and not as_draft:
                built.append(film_id)
    if built:
        report.similar_count = link_new_stories(built)
    report.seconds = time.monotonic() - started
    return report


def _builds_with_writer(
    engine: StoryEngine | None, options: EngineOptions | None
) -> bool:
    """True when the build's engine is the writer (a model writes sections)."""
    if engine is not None:
        return isinstance(engine, WriterEngine)
    options = engine_options() if options is None else options
    return options.get("name", "offline") == "llm"


def _pending(
    films: FilmQuerySet,
    *,
    force: bool,
    limit: int | None,
    report: BuildReport,
    writer: bool = False,
    jobs_too: bool = True,
) -> tuple[dict[int, tuple[Film, str]], list[tuple[int, FilmText]]]:
    """Return the films to build and their engine input, in catalogue order.

    A story is up to date when its engine input has not changed; for the
    writer, only when the writer built it too (an offline build never
    replaces a written story of the same plot, which holds the offline one's
    sections wherever the model's failed a check).
    """
    by_id: dict[int, tuple[Film, str]] = {}
    pending: list[tuple[int, FilmText]] = []
    for film in films_for_generation(films).iterator(chunk_size=PREFETCH_CHUNK):
        try:
            text = film_text(film)
        except EngineError as exc:
            _finish(report, film.pk, film.slug, str(exc), jobs_too=jobs_too)
            continue
        plot_digest = digest(text)
        current = getattr(film, "story", None)
        if (
            not force
            and current is not None
            and current.plot_digest == plot_digest
            and (not writer or current.engine == WRITER_NAME)
        ):
            continue
        by_id[film.pk] = (film, plot_digest)
        pending.append((film.pk, text))
        if limit is not None and len(pending) >= limit:
            break
    return by_id, pending


def _save(
    film: Film,
    data: dict[str, Any] | None,
    error: str,
    plot_digest: str,
    *,
    publish: bool,
    as_draft: bool = False,
    report: BuildReport,
) -> Story | None:
    """Save one story and its job's outcome together, or record why it failed."""
    if data is not None:
        try:
            workers.checked(data)
        except EngineError as exc:
            data, error = None, str(exc)
    if data is None:
        _finish(report, film.pk, film.slug, error, jobs_too=not as_draft)
        return None
    is_faithful = all(check.get("passed") for check in data.get("report", []))
    with transaction.atomic():
        story = save_story(film, data, plot_digest, publish=publish, as_draft=as_draft)
        if not as_draft:
            jobs.finish(film.pk, "" if is_faithful else UNFAITHFUL)
    report.generated += 1
    report.published += story.is_published and not as_draft
    report.unfaithful += not is_faithful
    return story


def _finish(
    report: BuildReport, film_id: int, slug: str, error: str, *, jobs_too: bool = True
) -> None:
    logger.warning("Story of %s not built: %s", slug, error)
    report.failed.append((slug, error))
    if jobs_too:
        jobs.finish(film_id, error)


def _outcomes(
    pending: Sequence[tuple[int, FilmText]],
    engine: StoryEngine | None,
    options: EngineOptions | None,
    workers_count: int,
) -> Generator[workers.Outcome, None, None]:
    """Yield outcomes batch by batch, so each story is saved as soon as it is built.

    With no engine given and workers_count other than 1 (0: one per core),
    each worker process loads its own engine from the options (default: the
    settings).
    """
    batches = [pending[i : i + BATCH_SIZE] for i in range(0, len(pending), BATCH_SIZE)]
    if not batches:
        return
    options = engine_options() if options is None else dict(options)
    count = min(workers_count or os.cpu_count() or 1, len(batches))
    if engine is not None or count == 1:
        engine = engine or make_engine(options)
        for batch in batches:
            yield from workers.run_with(engine, batch)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(
        count, initializer=workers.start_worker, initargs=(options,)
    ) as pool:
        for outcomes in pool.imap_unordered(workers.run_batch, batches):
            yield from outcomes
