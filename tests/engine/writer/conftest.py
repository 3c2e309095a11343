"""A scripted OpenAI-compatible server on loopback for each writer test."""

from collections.abc import Iterator

import pytest

from tests.engine.writer.server import ChatServer


@pytest.fixture
def server() -> Iterator[ChatServer]:
    running = ChatServer().start()
    yield running
    running.stop()
