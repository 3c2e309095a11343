"""A small client for OpenAI-compatible chat completions, on the standard library.

Only one endpoint is used (POST {base_url}/chat/completions), so the stdlib's
HTTP client is enough and the engine gains no dependency. Requests are limited
to max_concurrent at a time across threads, and 429 and 5xx answers are retried
with exponential backoff (honouring Retry-After), since local servers answer
503 while loading and hosted ones 429 when busy.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from plotguide.engine.writer.config import WriterConfig
from plotguide.engine.writer.errors import AnswerError, ServerError

logger = logging.getLogger(__name__)

RETRIED_STATUSES = frozenset([429, 500, 502, 503, 504])


@dataclass(frozen=True)
class Reply:
    """The model's text and the tokens the request cost (prompt + completion)."""

    content: str
    tokens: int


class ChatClient:
    """Send chat requests to one server, within its limits."""

    def __init__(self, config: WriterConfig) -> None:
        self.config = config
        self.url = config.base_url.rstrip("/") + "/chat/completions"
        self._slots = threading.BoundedSemaphore(max(1, config.max_concurrent))
        self.response_format = config.response_format

    def complete(
        self, messages: list[dict[str, str]], schema: dict[str, Any], name: str
    ) -> Reply:
        """Return the reply to messages, asking for JSON that matches schema."""
        body = {
            "model": self.config.model,
            "messages": messages,
            "temperature": self.config.temperature,
            "max_tokens": self.config.max_answer_tokens,
        }
        try:
            data = self._post(body, schema, name)
        except _FormatRefused as exc:
            # llama-cpp-python's server knows only {"type": "json_object",
            # "schema": ...}; it answers 422 to OpenAI's json_schema form.
            logger.info(
                "%s refused json_schema (%s); using json_object.", self.url, exc
            )
            self.response_format = "json_object"
            data = self._post(body, schema, name)
        try:
            content = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise AnswerError(
                f"The server's answer to {self.url} has no choices[0].message."
                "content; is it an OpenAI-compatible chat endpoint?"
            ) from exc
        usage = data.get("usage") or {}
        tokens = int(usage.get("prompt_tokens", 0)) + int(
            usage.get("completion_tokens", 0)
        )
        return Reply(content if isinstance(content, str) else "", tokens)

    def _response_format(self, schema: dict[str, Any], name: str) -> dict[str, Any]:
        if self.response_format == "json_object":
            return {"type": "json_object", "schema": schema}
        return {
            "type": "json_schema",
            "json_schema": {"name": name, "schema": schema, "strict": True},
        }

    def _post(
        self, body: dict[str, Any], schema: dict[str, Any], name: str
    ) -> dict[str, Any]:
        body = {**body, "response_format": self._response_format(schema, name)}
        payload = json.dumps(body).encode()
        attempts = self.config.retries + 1
        for attempt in range(attempts):
            try:
                return self._attempt(payload)
            except _Retryable as exc:
                if attempt + 1 == attempts:
                    raise ServerError(
                        f"{self.url}: {exc.problem} after {attempts} attempts."
                    ) from exc.__cause__
                delay = exc.wait
                if delay is None:
                    delay = self.config.backoff_s * 2**attempt
                delay = min(delay, self.config.max_backoff_s)
                logger.info("%s: %s; retrying in %.1f s.", self.url, exc.problem, delay)
                time.sleep(delay)
        raise ServerError(f"{self.url}: no attempt made (retries < 0).")

    def _attempt(self, payload: bytes) -> dict[str, Any]:
        headers = {"Content-Type": "application/json"}
        if self.config.api_key:
            headers["Authorization"] = f"Bearer {self.config.api_key}"
        request = urllib.request.Request(self.url, payload, headers, method="POST")
        try:
            with (
                self._slots,
                urllib.request.urlopen(
                    request, timeout=self.config.timeout_s
                ) as response,
            ):
                raw = response.read()
        except urllib.error.HTTPError as exc:
            if self.response_format == "json_schema" and _refuses_json_schema(exc):
                raise _FormatRefused(f"HTTP {exc.code}") from exc
            if exc.code not in RETRIED_STATUSES:
                raise ServerError(
                    f"{self.url} answered HTTP {exc.code}; check the address, the "
                    "model name and the API key."
                ) from exc
            wait = _retry_after(exc.headers.get("Retry-After"))
            raise _Retryable(f"HTTP {exc.code}", wait) from exc
        except TimeoutError as exc:
            limit = f"no answer within {self.config.timeout_s:g} s"
            raise _Retryable(limit, None) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                limit = f"no answer within {self.config.timeout_s:g} s"
                raise _Retryable(limit, None) from exc
            raise _Retryable(f"cannot connect ({exc.reason})", None) from exc
        try:
            body: dict[str, Any] = json.loads(raw)
        except ValueError as exc:
            raise AnswerError(f"{self.url} answered with a body not JSON.") from exc
        return body


class _FormatRefused(ServerError):
    """The server rejected the json_schema response format (HTTP 400 or 422)."""


class _Retryable(Exception):
    """One attempt failed in a way another attempt may not."""

    def __init__(self, problem: str, wait: float | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.wait = wait


def _refuses_json_schema(error: urllib.error.HTTPError) -> bool:
    """True when the server refused the request's json_schema response format.

    OpenAI-compatible servers answer 400 or 422; llama-cpp-python 0.3.16
    answers 500 with its validation error, which names json_schema.
    """
    if error.code in (400, 422):
        return True
    if error.code != 500:
        return False
    try:
        body = error.read(4096)
    except OSError:
        return False
    return b"json_schema" in body and b"response_format" in body


def _retry_after(value: str | None) -> float | None:
    """Return Retry-After in seconds when it is a number (dates are ignored)."""
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None
