"""The chat client against a scripted OpenAI-compatible server on loopback."""

import json

import pytest

from plotguide.engine.writer.client import ChatClient
from plotguide.engine.writer.config import WriterConfig
from plotguide.engine.writer.errors import AnswerError, ServerError
from plotguide.engine.writer.schema import lines
from tests.engine.writer.server import content, status

HELLO = [{"role": "user", "content": "Retell the plot."}]


def client(server, **options) -> ChatClient:
    options = {"timeout_s": 5.0, "retries": 1, "backoff_s": 0.01, **options}
    return ChatClient(WriterConfig(server.url, "test-model", **options))


def test_a_reply_carries_the_answer_and_the_tokens_spent(server):
    server.default = content('{"story": []}')
    reply = client(server).complete(HELLO, lines(1, 2), "story")
    assert reply.content == '{"story": []}'
    assert reply.tokens == 150
    [request] = server.requests
    assert request["model"] == "test-model"
    assert request["response_format"]["json_schema"]["schema"] == lines(1, 2)


def test_a_busy_server_is_asked_again_and_a_refusing_one_stops_after_retries(
    server,
):
    server.queue.append(status(503, {"Retry-After": "0"}))
    server.default = content("{}")
    assert client(server).complete(HELLO, {}, "x").content == "{}"
    assert len(server.requests) == 2

    server.default = status(500)
    with pytest.raises(ServerError, match="HTTP 500 after 3 attempts"):
        client(server, retries=2).complete(HELLO, {}, "x")


def refusing_json_schema(code: int):
    """Answer like a server that knows only json_object (llama-cpp-python)."""

    def behave(body):
        if body["response_format"]["type"] == "json_schema":
            error = "body.response_format.type: Input should be 'text' or "
            error += "'json_object'; input: 'json_schema'"
            return code, {}, json.dumps({"error": {"message": error}})
        return content('{"story": []}')(body)

    return behave


@pytest.mark.parametrize("code", [400, 422, 500])
def test_a_server_refusing_json_schema_is_asked_with_json_object(server, code):
    server.default = refusing_json_schema(code)
    writer = client(server)

    assert writer.complete(HELLO, lines(1, 2), "story").content == '{"story": []}'
    assert writer.complete(HELLO, lines(1, 2), "story").content == '{"story": []}'

    formats = [request["response_format"]["type"] for request in server.requests]
    assert formats == ["json_schema", "json_object", "json_object"]
    assert server.requests[1]["response_format"]["schema"] == lines(1, 2)


def test_an_answer_that_is_not_a_chat_completion_is_an_answer_error(server):
    server.default = lambda body: (200, {}, '{"status": "ok"}')
    with pytest.raises(AnswerError, match="no choices"):
        client(server).complete(HELLO, {}, "x")
