"""One generation run over the catalogue, for `plotguide generate` and the demo."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from plotguide.catalog.models import Film
from plotguide.errors import PlotguideError
from plotguide.progress import track
from plotguide.stories.models import Story
from plotguide.stories.services import (
    GenerationReport,
    films_for_generation,
    generate_stories,
)
from plotguide.stories.similarity import refresh_similar_films

# Films are read in chunks: prefetching credits for thousands of films at once
# makes a query larger than SQLite accepts.
PREFETCH_CHUNK = 400


@dataclass
class TimedReport(GenerationReport):
    seconds: float = 0.0
    similar_count: int = 0


def run_generation(
    *,
    slugs: Sequence[str] = (),
    workers_count: int = 0,
    publish: bool = False,
    force: bool = False,
    limit: int | None = None,
    quiet: bool = True,
) -> TimedReport:
    """Build the stories of the named films (all films when none are named).

    When any story was built, the similar films of every published story are
    recomputed, since one new story can be the closest match of many others.
    """
    started = time.monotonic()
    films = Film.objects.all()
    if slugs:
        films = films.filter(slug__in=slugs)
        missing = sorted(set(slugs) - set(films.values_list("slug", flat=True)))
        if missing:
            raise PlotguideError(f"no film with the slug {', '.join(missing)}.")
    films = films_for_generation(films)
    report = generate_stories(
        films.iterator(chunk_size=PREFETCH_CHUNK),
        workers_count=workers_count,
        publish=publish,
        force=force,
        limit=limit,
        on_progress=lambda items, total: track(
            items, total=total, label="Building stories", quiet=quiet
        ),
    )
    similar_count = 0
    if report.generated:
        stories = Story.objects.published().select_related("film")
        similar_count = refresh_similar_films(stories)
    return TimedReport(
        **vars(report),
        seconds=time.monotonic() - started,
        similar_count=similar_count,
    )
