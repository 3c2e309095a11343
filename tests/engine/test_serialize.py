"""Stories to plain JSON and back, checked against the format version."""

import json

import pytest

from plotguide.engine import ENGINE_NAME, ENGINE_VERSION, Story, StoryFormatError


def test_story_round_trips_through_json(harbor):
    data = json.loads(json.dumps(harbor.to_dict()))
    assert data["format_version"] == 1
    assert data["engine"] == ENGINE_NAME
    assert data["engine_version"] == ENGINE_VERSION
    assert data["sentences"][0]["id"] == 0
    assert {r["name"] for r in data["report"]} >= {"spoiler_boundary", "quiz_answers"}
    assert Story.from_dict(data) == harbor


def test_from_dict_rejects_another_format_version(harbor):
    data = harbor.to_dict() | {"format_version": 99}
    with pytest.raises(StoryFormatError, match="format_version is 99"):
        Story.from_dict(data)
