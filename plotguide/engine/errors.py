"""Errors raised by the story engine.

Every message says what went wrong, where (film, component, field) and what to do.
"""

from __future__ import annotations


class EngineError(Exception):
    """Base class for every error the story engine raises."""


class FilmTextError(EngineError, ValueError):
    """The film given to the engine is malformed: a field has a wrong type or value."""


class PipelineError(EngineError):
    """The pipeline cannot be built: unknown component or an unmet `requires`."""


class ComponentError(EngineError):
    """A component broke its contract while processing one film."""


class ModelError(EngineError):
    """The spaCy model named in the configuration cannot be loaded."""


class StoryFormatError(EngineError, ValueError):
    """A stored story dict does not match the story format."""
