"""The one place where settings become a story engine.

settings.PLOTGUIDE_ENGINE names the engine and its options; every caller that
builds stories (the build service, its worker processes, Celery, `plotguide
story`) gets its engine from make_engine(), so a new engine is one entry in
ENGINES and its options one more key in the setting.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from django.conf import settings

from plotguide.engine import EngineConfig, OfflineEngine
from plotguide.engine.doc import SentenceEncoder
from plotguide.engine.encoder import Encoder, EncoderError, fetch_model
from plotguide.engine.errors import PipelineError
from plotguide.engine.writer import WRITABLE_SECTIONS, WriterConfig, WriterEngine
from plotguide.paths import cache_dir

logger = logging.getLogger(__name__)

EngineOptions = Mapping[str, Any]
StoryEngine = OfflineEngine | WriterEngine

# Keys of PLOTGUIDE_ENGINE that become EngineConfig fields, with their types.
CONFIG_FIELDS: dict[str, type] = {
    "spacy_model": str,
    "pipeline": tuple,
    "batch_size": int,
    "max_plot_chars": int,
}
# Keys of PLOTGUIDE_ENGINE for the "llm" engine, with the variables that set them.
LLM_FIELDS: dict[str, str] = {
    "llm_url": "PLOTGUIDE_LLM_URL",
    "llm_model": "PLOTGUIDE_LLM_MODEL",
    "llm_api_key": "PLOTGUIDE_LLM_API_KEY",
}
# The key of PLOTGUIDE_ENGINE, for "llm", that names the sections the model
# writes (WriterConfig.sections; default: every section it can write).
LLM_SECTIONS = "llm_sections"
# The key of PLOTGUIDE_ENGINE that, false, takes the sentence encoder from the
# engine. On by default: the turning points find more with it, and the story
# keeps the mean embedding that its similar films compare (docs/quality.md).
SENTENCE_ENCODER = "sentence_encoder"


def engine_options() -> dict[str, Any]:
    """Return settings.PLOTGUIDE_ENGINE as plain data, for worker processes too."""
    return dict(getattr(settings, "PLOTGUIDE_ENGINE", {}))


def engine_config(options: EngineOptions) -> EngineConfig:
    """Return the EngineConfig the options describe; unknown keys are an error."""
    known = {"name", *CONFIG_FIELDS, *LLM_FIELDS, LLM_SECTIONS, SENTENCE_ENCODER}
    unknown = sorted(set(options) - known)
    if unknown:
        raise PipelineError(
            f"PLOTGUIDE_ENGINE has unknown keys {', '.join(unknown)}; "
            f"the known keys are {', '.join(sorted(known))}."
        )
    values: dict[str, Any] = {}
    for key, kind in CONFIG_FIELDS.items():
        if key in options:
            value = options[key]
            values[key] = tuple(value) if kind is tuple else kind(value)
    return EngineConfig(**values)


@functools.cache
def sentence_encoder() -> SentenceEncoder | None:
    """Return the turning points' sentence encoder, loaded once per process.

    It is the similar films' model (all-MiniLM-L6-v2, fetched once into the
    cache). Where it cannot be had, stories are built with the turning-point
    model that needs no embeddings, and a warning says so.
    """
    try:
        model = Encoder(fetch_model(cache_dir()))
    except (EncoderError, OSError) as exc:
        logger.warning("Turning points are chosen without sentence embeddings: %s", exc)
        return None

    def encode(texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = model.encode(texts).tolist()
        return vectors

    return encode


def missing_llm_settings(options: EngineOptions) -> list[str]:
    """Return the variables the writer engine needs that the options lack."""
    return [LLM_FIELDS[key] for key in ("llm_url", "llm_model") if not options.get(key)]


def writer_config(options: EngineOptions) -> WriterConfig:
    """Return the writer engine's server settings; the key never reaches a message."""
    missing = missing_llm_settings(options)
    if missing:
        raise PipelineError(
            f"PLOTGUIDE_ENGINE is 'llm', but {' and '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not set. Give the server's "
            "OpenAI-compatible address (e.g. http://127.0.0.1:8080/v1) and the "
            "name of the model it serves."
        )
    sections = options.get(LLM_SECTIONS)
    return WriterConfig(
        str(options["llm_url"]),
        str(options["llm_model"]),
        api_key=str(options.get("llm_api_key") or ""),
        sections=WRITABLE_SECTIONS if sections is None else tuple(sections),
    )


def _offline(options: EngineOptions) -> OfflineEngine:
    return OfflineEngine(_with_encoder(engine_config(options), options))


def _llm(options: EngineOptions) -> WriterEngine:
    config = _with_encoder(engine_config(options), options)
    return WriterEngine(writer_config(options), config)


def _with_encoder(config: EngineConfig, options: EngineOptions) -> EngineConfig:
    if not options.get(SENTENCE_ENCODER, True):
        return config
    return replace(config, sentence_encoder=sentence_encoder())


ENGINES: dict[str, Callable[[EngineOptions], StoryEngine]] = {
    "offline": _offline,
    "llm": _llm,
}


def make_engine(options: EngineOptions | None = None) -> StoryEngine:
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
