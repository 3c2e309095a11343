"""A small OpenAI-compatible chat server on loopback, with scripted behaviour.

It speaks the real protocol over real sockets. Each request takes the next
behaviour from a queue (then the default one): a status code, a delay, a fixed
reply, or a "faithful" reply built from the plot sentences in the system
message, so the writer's whole path (retries, timeouts, JSON, checks) runs.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Behaviour = Callable[[dict[str, Any]], tuple[int, dict[str, str], str]]
SENTENCE = re.compile(r"^\[(\d+)\] (.*)$", re.M)
SPAN = re.compile(r"sentences (\d+) to (\d+)")


def chat_reply(content: str, tokens: int = 100) -> str:
    """Return a chat-completions body whose message is content."""
    return json.dumps(
        {
            "id": "test",
            "object": "chat.completion",
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": content}}
            ],
            "usage": {"prompt_tokens": tokens, "completion_tokens": tokens // 2},
        }
    )


def plot_of(body: dict[str, Any]) -> dict[int, str]:
    """Return the numbered plot sentences of the request's system message."""
    system = body["messages"][0]["content"]
    return {int(n): text for n, text in SENTENCE.findall(system)}


def spans(instruction: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in SPAN.findall(instruction)]


def faithful_answer(body: dict[str, Any]) -> dict[str, Any]:
    """Answer like a careful model: copy the cited sentences' own words."""
    plot = plot_of(body)
    instruction = body["messages"][1]["content"]

    def copy(low: int, high: int, limit: int) -> list[dict[str, Any]]:
        return [{"text": plot[i], "sources": [i]} for i in range(low, high + 1)][:limit]

    if instruction.startswith("Retell"):
        (a, b), (c, d) = spans(instruction)[:2]
        return {"story": copy(a, b, 6), "ending": copy(c, d, 3)}
    if instruction.startswith("Write a spoiler-free"):
        a, b = spans(instruction)[0]
        return {"sentences": copy(a, b, 3)}
    if instruction.startswith("For each character"):
        return {"characters": arcs(plot, instruction)}
    if instruction.startswith("For each theme"):
        themes = re.findall(r"Theme (\d+): .*sentences \[(\d+)", instruction)
        return {
            "themes": [
                {"theme": int(n), "paragraph": copy(int(first), int(first), 1)}
                for n, first in themes
            ]
        }
    events = re.findall(r"Event (\d+), from sentences \[([\d, ]+)\]: (.*)", instruction)
    return {
        "events": [
            {
                "event": int(n),
                "title": " ".join(line.split()[:3]),
                "line": {"text": line, "sources": numbers(ids)},
            }
            for n, ids, line in events
        ]
    }


def numbers(listed: str) -> list[int]:
    return [int(n) for n in listed.split(",")]


def arcs(plot: dict[int, str], instruction: str) -> list[dict[str, Any]]:
    """Return each listed character's first and last sentence that names them."""
    listed = re.findall(
        r"Character (\d+): ([^(,]+).*named in sentences \[([\d, ]+)\]", instruction
    )
    written = []
    for n, name, ids in listed:
        naming = [i for i in numbers(ids) if name.split()[-1] in plot[i]]
        chosen = sorted({naming[0], naming[-1]})
        arc = [{"text": plot[i], "sources": [i]} for i in chosen]
        written.append({"character": int(n), "arc": arc})
    return written


def faithful(body: dict[str, Any]) -> tuple[int, dict[str, str], str]:
    return 200, {}, chat_reply(json.dumps(faithful_answer(body)))


def status(code: int, headers: dict[str, str] | None = None) -> Behaviour:
    return lambda body: (code, headers or {}, json.dumps({"error": {"code": code}}))


def content(text: str) -> Behaviour:
    return lambda body: (200, {}, chat_reply(text))


def delayed(seconds: float, then: Behaviour = faithful) -> Behaviour:
    def behave(body: dict[str, Any]) -> tuple[int, dict[str, str], str]:
        time.sleep(seconds)
        return then(body)

    return behave


@dataclass
class ChatServer:
    """The running server: its address, its queue and the requests it received."""

    default: Behaviour = faithful
    queue: deque[Behaviour] = field(default_factory=deque)
    requests: list[dict[str, Any]] = field(default_factory=list)

    def start(self) -> ChatServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (the stdlib's name)
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                server.requests.append(body)
                behave = server.queue.popleft() if server.queue else server.default
                code, headers, text = behave(body)
                data = text.encode()
                try:
                    self.send_response(code)
                    for key, value in {
                        "Content-Type": "application/json",
                        **headers,
                    }.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (a timeout test)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}/v1"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
