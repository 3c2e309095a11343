"""The writer engine: sections written by any OpenAI-compatible model, then checked.

Pure Python on the standard library's HTTP client; like the offline engine it
imports nothing of Django, and the offline engine writes every section the
model's answer does not pass the checks for.
"""

from plotguide.engine.writer.config import WRITABLE_SECTIONS, WriterConfig
from plotguide.engine.writer.engine import WRITER_NAME, WRITER_VERSION, WriterEngine
from plotguide.engine.writer.errors import AnswerError, ServerError, WriterError

__all__ = [
    "WRITABLE_SECTIONS",
    "WRITER_NAME",
    "WRITER_VERSION",
    "AnswerError",
    "ServerError",
    "WriterConfig",
    "WriterEngine",
    "WriterError",
]
