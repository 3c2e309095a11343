import json
from dataclasses import replace

import pytest

from plotguide.engine import (
    ENGINE_NAME,
    ENGINE_VERSION,
    CastCredit,
    EngineConfig,
    FilmText,
    FilmTextError,
    OfflineEngine,
    Story,
    StoryFormatError,
)
from tests.engine.plots import GARDEN, HARBOR, film


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


def test_same_input_gives_the_same_story(engine, harbor):
    assert engine.run(HARBOR).to_dict() == harbor.to_dict()


def test_run_many_keeps_input_order(engine, harbor, garden):
    stories = list(engine.run_many([GARDEN, HARBOR]))
    assert [s.title for s in stories] == ["The Glasshouse", "The Harbor Ledger"]
    assert stories[1].to_dict() == harbor.to_dict()


def test_good_stories_are_publishable(harbor, garden):
    assert harbor.is_publishable, harbor.failed_checks()
    assert garden.is_publishable, garden.failed_checks()


def test_presplit_sentences_keep_their_numbering(engine):
    sentences = ("Anna finds a key.", "", "She opens the door. It creaks.")
    story = engine.run(replace(film(""), sentences=sentences))
    assert [s.text for s in story.sentences] == [
        "Anna finds a key.",
        "",
        "She opens the door. It creaks.",
    ]


def test_from_meta_builds_a_film():
    meta = {
        "title": "Rush",
        "year": 1991,
        "cast": [{"actor": "Jason Patric", "character": "Jim Raynor"}],
        "genres": ["Crime"],
        "post_credits": {"kind": "none", "description": "", "source": "x"},
    }
    film_text = FilmText.from_meta("Raynor works undercover.", meta)
    assert film_text.cast == (CastCredit("Jason Patric", "Jim Raynor", 0),)
    assert film_text.year == 1991
    assert film_text.post_credits.kind == "none"


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({}, "field 'title' is missing"),
        ({"title": "Rush", "year": "soon"}, "field 'year' is 'soon'"),
        ({"title": "Rush", "cast": "Jason Patric"}, "field 'cast' must be a list"),
        ({"title": "Rush", "genres": "Crime"}, "field 'genres' must be a list"),
        ({"title": "Rush", "post_credits": {"kind": "maybe"}}, "post_credits.kind"),
    ],
)
def test_from_meta_names_the_bad_field(meta, message):
    with pytest.raises(FilmTextError, match=message):
        FilmText.from_meta("A plot.", meta)


def test_film_text_rejects_a_wrong_type():
    with pytest.raises(FilmTextError, match="field 'plot' must be a string"):
        FilmText("Rush", 1991, None)


def test_engine_reports_a_missing_model():
    from plotguide.engine import ModelError

    with pytest.raises(ModelError, match="cannot load"):
        OfflineEngine(EngineConfig(spacy_model="no_such_model_xx"))
