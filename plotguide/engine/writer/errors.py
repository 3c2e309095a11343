"""What can go wrong between the writer and its model server."""

from __future__ import annotations

from plotguide.engine.errors import EngineError


class WriterError(EngineError):
    """The writer could not get a usable answer; the section falls back."""


class ServerError(WriterError):
    """The server did not answer in time or kept refusing (429, 5xx), retries spent."""


class AnswerError(WriterError):
    """The server answered, but not with JSON that matches the section's schema."""
