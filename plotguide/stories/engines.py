"""The one place where settings become a story engine.

settings.PLOTGUIDE_ENGINE names the engine and its options; every caller that
builds stories (the build service, its worker processes, Celery, `plotguide
story`) gets its engine from make_engine(), so a new engine is one entry in
ENGINES and its options one more key in the setting.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings

from plotguide.engine import EngineConfig, OfflineEngine
from plotguide.engine.errors import PipelineError

EngineOptions = Mapping[str, Any]

# Keys of PLOTGUIDE_ENGINE that become EngineConfig fields, with their types.
CONFIG_FIELDS: dict[str, type] = {
    "spacy_model": str,
    "pipeline": tuple,
    "batch_size": int,
    "max_plot_chars": int,
}


def engine_options() -> dict[str, Any]:
    """Return settings.PLOTGUIDE_ENGINE as plain data, for worker processes too."""
    return dict(getattr(settings, "PLOTGUIDE_ENGINE", {}))


def engine_config(options: EngineOptions) -> EngineConfig:
    """Return the EngineConfig the options describe; unknown keys are an error."""
    known = {"name", *CONFIG_FIELDS}
    unknown = sorted(set(options) - known)
    if unknown:
        raise PipelineError(
            f"PLOTGUIDE_ENGINE has unknown keys {', '.join(unknown)}; "
            f"the known keys are {', '.join(sorted(known))}."
        )
    values = {}
    for key, kind in CONFIG_FIELDS.items():
        if key in options:
            value = options[key]
            values[key] = tuple(value) if kind is tuple else kind(value)
    return EngineConfig(**values)


def _offline(options: EngineOptions) -> OfflineEngine:
    return OfflineEngine(engine_config(options))


ENGINES: dict[str, Callable[[EngineOptions], OfflineEngine]] = {"offline": _offline}


def make_engine(options: EngineOptions | None = None) -> OfflineEngine:
    """Return a loaded engine as the options (default: the settings) describe.

    Loading takes a second or more (spaCy); callers keep the engine for many films.
    """
    options = engine_options() if options is None else options
    name = options.get("name", "offline")
    try:
        factory = ENGINES[name]
    except KeyError:
        raise PipelineError(
            f"PLOTGUIDE_ENGINE names the engine {name!r}, which does not exist; "
            f"use one of {', '.join(sorted(ENGINES))}."
        ) from None
    return factory(options)
