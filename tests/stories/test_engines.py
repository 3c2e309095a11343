"""Engine settings reach the engine, and wrong ones stop Plotguide at start."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from django.core.management import call_command
from django.core.management.base import SystemCheckError

from plotguide.engine.errors import ModelError
from plotguide.engine.writer import WriterEngine
from plotguide.stories.engines import make_engine
from tests.engine.plots import HARBOR
from tests.stories.deployments import ROOT


def check_output(settings, **engine) -> str:
    settings.PLOTGUIDE_ENGINE = engine
    with pytest.raises(SystemCheckError) as raised:
        call_command("check")
    return str(raised.value)


def test_a_misspelt_component_is_named_with_the_likely_name(settings):
    output = check_output(settings, name="offline", pipeline=["sentences", "themse"])
    assert "stories.E002" in output
    assert "names 'themse', which is not a registered component" in output
    assert "Did you mean 'themes'?" in output


def test_a_component_before_what_it_requires_is_named(settings):
    output = check_output(settings, pipeline=["timeline", "sentences"])
    assert "stories.E002" in output
    assert "Component 'timeline' requires sentences" in output


def test_an_unknown_engine_lists_the_engines_there_are(settings):
    output = check_output(settings, name="gpt")
    assert "stories.E001" in output
    assert "Use one of llm, offline." in output


def test_the_llm_engine_without_its_server_is_reported_at_start(settings):
    output = check_output(settings, name="llm", llm_api_key="sk-secret")
    assert "stories.E001" in output
    assert "PLOTGUIDE_LLM_URL and PLOTGUIDE_LLM_MODEL are not set" in output
    assert "sk-secret" not in output


def test_the_llm_engine_is_built_from_the_settings(settings):
    settings.PLOTGUIDE_ENGINE = {
        "name": "llm",
        "llm_url": "http://127.0.0.1:8080/v1",
        "llm_model": "qwen",
        "llm_api_key": "sk-secret",
        "batch_size": 4,
    }
    engine = make_engine()
    assert isinstance(engine, WriterEngine)
    assert engine.client.url == "http://127.0.0.1:8080/v1/chat/completions"
    assert engine.config.batch_size == 4
    assert "sk-secret" not in repr(engine.writer)


def test_a_missing_spacy_model_is_reported_at_start(settings):
    output = check_output(settings, spacy_model="en_core_web_nothing")
    assert "stories.E003" in output
    assert "'en_core_web_nothing' is not installed" in output


def test_the_default_settings_pass_the_check():
    call_command("check")


def test_the_engine_is_built_from_the_settings(settings):
    settings.PLOTGUIDE_ENGINE = {"name": "offline", "spacy_model": "no_such_model"}
    with pytest.raises(ModelError, match="names 'no_such_model'"):
        make_engine()


def test_the_sentence_encoder_reaches_the_engine_unless_turned_off(settings):
    settings.PLOTGUIDE_ENGINE = {"name": "offline", "sentence_encoder": False}
    assert make_engine().config.sentence_encoder is None
    settings.PLOTGUIDE_ENGINE = {"name": "offline"}
    engine = make_engine()
    assert engine.config.sentence_encoder is not None
    story = engine.run(HARBOR)
    points = [tp.sentence for tp in story.timeline.turning_points]
    assert len(points) == 5 and points == sorted(set(points))


def test_a_wrong_pipeline_in_the_environment_stops_a_command_with_status_2(tmp_path):
    plot = tmp_path / "plot.txt"
    plot.write_text("Mara keeps the lighthouse. A storm comes.")
    result = subprocess.run(
        [sys.executable, "-m", "plotguide.cli", "story", str(plot)],
        env={
            **os.environ,
            "PLOTGUIDE_DATA_DIR": str(tmp_path),
            "PLOTGUIDE_PIPELINE": "sentences,characterz",
            "DJANGO_SETTINGS_MODULE": "plotguide.settings",
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "stories.E002" in result.stderr
    assert "Did you mean 'characters'?" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("seconds", ["soon", "0", "-5", "١٠"])
def test_a_bad_redelivery_time_with_a_broker_is_reported_at_start(monkeypatch, seconds):
    monkeypatch.setenv("PLOTGUIDE_BROKER_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("PLOTGUIDE_BUILD_REDELIVERY_SECONDS", seconds)
    with pytest.raises(SystemCheckError) as raised:
        call_command("check")
    assert "stories.E004" in str(raised.value)
    assert f"PLOTGUIDE_BUILD_REDELIVERY_SECONDS is {seconds!r}" in str(raised.value)


def test_the_redelivery_time_matters_only_with_a_broker(monkeypatch):
    monkeypatch.delenv("PLOTGUIDE_BROKER_URL", raising=False)
    monkeypatch.setenv("PLOTGUIDE_BUILD_REDELIVERY_SECONDS", "soon")
    call_command("check")
