"""WriterConfig: a wrong setting is named with its fix before any film is written."""

import pytest

from plotguide.engine import PipelineError
from plotguide.engine.writer import WriterConfig


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"model": ""}, "WriterConfig.model is empty"),
        ({"sections": ("quiz",)}, "names quiz; the writer writes only summary"),
        ({"response_format": "xml"}, "use 'json_schema' or 'json_object'"),
    ],
)
def test_each_bad_setting_is_named_with_the_fix(options, message):
    settings = {"base_url": "http://127.0.0.1:8080/v1", "model": "m", **options}
    with pytest.raises(PipelineError, match=message):
        WriterConfig(**settings)


def test_the_api_key_never_shows_in_a_repr():
    config = WriterConfig("http://127.0.0.1:8080/v1", "m", api_key="sk-secret")
    assert "sk-secret" not in repr(config)


def test_a_bad_address_is_a_clear_error():
    with pytest.raises(
        PipelineError, match="give the server's OpenAI-compatible address"
    ):
        WriterConfig("localhost:8080", "m")
