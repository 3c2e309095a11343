"""The offline story engine: plot text and credits in, a checked Story out.

Pure Python over spaCy; imports nothing of Django and nothing else from
plotguide, so it runs in workers, notebooks and tests alike.
"""

from plotguide.engine.config import EngineConfig
from plotguide.engine.engine import ENGINE_NAME, ENGINE_VERSION, OfflineEngine
from plotguide.engine.errors import (
    ComponentError,
    EngineError,
    FilmTextError,
    ModelError,
    PipelineError,
    StoryFormatError,
)
from plotguide.engine.film import CastCredit, FilmText, PostCredits
from plotguide.engine.similar import similar_films
from plotguide.engine.story import Story

__all__ = [
    "ENGINE_NAME",
    "ENGINE_VERSION",
    "CastCredit",
    "ComponentError",
    "EngineConfig",
    "EngineError",
    "FilmText",
    "FilmTextError",
    "ModelError",
    "OfflineEngine",
    "PipelineError",
    "PostCredits",
    "Story",
    "StoryFormatError",
    "similar_films",
]
