"""Story generation inside worker processes: the engine only, no Django, no database.

Each process loads spaCy once; the parent process does every database write,
so the embedded SQLite database never sees two writers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plotguide.engine import EngineConfig, FilmText, OfflineEngine
from plotguide.engine.errors import EngineError

_engine: OfflineEngine | None = None

Outcome = tuple[int, dict[str, Any] | None, str]


def start_worker(config: EngineConfig) -> None:
    global _engine
    _engine = OfflineEngine(config)


def run_batch(batch: Sequence[tuple[int, FilmText]]) -> list[Outcome]:
    """Return (film id, story dict or None, error) for each film of the batch."""
    if _engine is None:
        raise RuntimeError("start_worker() must run in this process first.")
    return run_with(_engine, batch)


def run_with(
    engine: OfflineEngine, batch: Sequence[tuple[int, FilmText]]
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    try:
        stories = list(engine.run_many(text for _, text in batch))
    except EngineError:
        stories = None
    if stories is not None:
        return [
            (film_id, story.to_dict(), "")
            for (film_id, _), story in zip(batch, stories, strict=True)
        ]
    for film_id, text in batch:
        try:
            outcomes.append((film_id, engine.run(text).to_dict(), ""))
        except EngineError as exc:
            outcomes.append((film_id, None, str(exc)))
    return outcomes
