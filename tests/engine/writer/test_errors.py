"""Writer errors: every one is an engine error, so a caller's fallback catches it."""

import pytest

from plotguide.engine import EngineError
from plotguide.engine.writer.client import ChatClient
from plotguide.engine.writer.config import WriterConfig
from plotguide.engine.writer.errors import AnswerError, ServerError, WriterError


def test_a_server_that_cannot_be_reached_is_a_server_error_and_an_engine_error():
    config = WriterConfig("http://127.0.0.1:9/v1", "m", retries=0, timeout_s=2.0)
    with pytest.raises(ServerError, match="cannot connect") as caught:
        ChatClient(config).complete([{"role": "user", "content": "Hi"}], {}, "x")
    assert isinstance(caught.value, WriterError)
    assert isinstance(caught.value, EngineError)
    assert issubclass(AnswerError, WriterError)
