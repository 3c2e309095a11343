"""The engine's side of a story build, in worker processes: no database.

Each process loads its engine once; the parent process does every database
write (plotguide.stories.services), so the embedded SQLite database never sees
two writers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plotguide.engine import FilmText
from plotguide.engine.errors import EngineError
from plotguide.engine.story import Story
from plotguide.stories.engines import EngineOptions, StoryEngine, make_engine

_engine: StoryEngine | None = None

Outcome = tuple[int, dict[str, Any] | None, str]


def start_worker(options: EngineOptions) -> None:
    """Load this process's engine from the parent's engine settings."""
    global _engine
    _engine = make_engine(options)


def run_batch(batch: Sequence[tuple[int, FilmText]]) -> list[Outcome]:
    """Return (film id, story dict or None, error) for each film of the batch."""
    if _engine is None:
        raise RuntimeError("start_worker() must run in this process first.")
    return run_with(_engine, batch)


def run_with(
    engine: StoryEngine, batch: Sequence[tuple[int, FilmText]]
) -> list[Outcome]:
    """Run the batch in one pass; on an engine error, film by film to name it."""
    try:
        stories = list(engine.run_many(text for _, text in batch))
    except EngineError:
        stories = None
    if stories is not None:
        return [
            (film_id, story.to_dict(), "")
            for (film_id, _), story in zip(batch, stories, strict=True)
        ]
    outcomes: list[Outcome] = []
    for film_id, text in batch:
        try:
            outcomes.append((film_id, engine.run(text).to_dict(), ""))
        except EngineError as exc:
            outcomes.append((film_id, None, str(exc)))
    return outcomes


def checked(data: dict[str, Any]) -> dict[str, Any]:
    """Return the story dict once it reads back as a story; StoryFormatError if not.

    Stories cross a process boundary as dicts; one that does not match the
    story format must fail its build rather than reach a page.
    """
    Story.from_dict(data)
    return data


def story_of(text: FilmText, engine: StoryEngine | None = None) -> dict[str, Any]:
    """Return the checked story of one film as the story format's dict, unsaved."""
    return checked((engine or make_engine()).run(text).to_dict())
