"""Settings for the writer engine, passed in by the caller like EngineConfig."""

from __future__ import annotations

from dataclasses import dataclass, field

from plotguide.engine.errors import PipelineError

# Sections the writer can write; every other section always comes from the
# offline engine (facts, quiz, setting: extraction, not writing).
WRITABLE_SECTIONS: tuple[str, ...] = (
    "summary",
    "timeline",
    "characters",
    "themes",
    "spoiler_free",
)


@dataclass(frozen=True)
class WriterConfig:
    """Where the OpenAI-compatible server is and how much the writer may ask of it.

    api_key is kept out of repr so that it never reaches a log or a traceback.
    """

    base_url: str
    model: str
    api_key: str = field(default="", repr=False)
    sections: tuple[str, ...] = WRITABLE_SECTIONS
    timeout_s: float = 120.0
    retries: int = 2
    backoff_s: float = 1.0
    max_backoff_s: float = 30.0
    max_concurrent: int = 2
    max_story_tokens: int = 40_000
    # Room for a title and a line per event, or six arcs of three sentences.
    max_answer_tokens: int = 1_400
    temperature: float = 0.2
    # "json_schema" (OpenAI, vLLM, llama.cpp) or "json_object" with a schema
    # (older llama-cpp-python servers).
    response_format: str = "json_schema"

    def __post_init__(self) -> None:
        if not self.base_url.startswith(("http://", "https://")):
            raise PipelineError(
                f"WriterConfig.base_url is {self.base_url!r}; give the server's "
                "OpenAI-compatible address, e.g. http://127.0.0.1:8080/v1."
            )
        if not self.model:
            raise PipelineError(
                "WriterConfig.model is empty; name the model the server serves."
            )
        unknown = [s for s in self.sections if s not in WRITABLE_SECTIONS]
        if unknown:
            raise PipelineError(
                f"WriterConfig.sections names {', '.join(unknown)}; the writer "
                f"writes only {', '.join(WRITABLE_SECTIONS)}."
            )
        if self.response_format not in ("json_schema", "json_object"):
            raise PipelineError(
                f"WriterConfig.response_format is {self.response_format!r}; use "
                "'json_schema' or 'json_object'."
            )
