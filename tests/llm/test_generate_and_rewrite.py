"""`plotguide generate --engine llm` and the admin's rewrite, with a real model.

llama-cpp-python's server on loopback (scripts/llm_setup.sh) serves the 0.5B
model; the settings name it as an operator would. What the model writes may
be kept or dropped by the checks; either way the stored story passes every
check, and says who wrote each section.
"""

from __future__ import annotations

import pytest

from django.contrib.auth.models import User

from plotguide.cli import main
from plotguide.engine import ENGINE_NAME
from plotguide.engine import Story as EngineStory
from plotguide.engine.validators import validate
from plotguide.engine.writer import WRITABLE_SECTIONS, WRITER_NAME
from plotguide.stories.models import Story
from plotguide.stories.services import build_stories, film_text
from tests.llm.local_server import MODEL_ALIAS
from tests.stories.conftest import KEEPER_PLOT, add_film

pytestmark = pytest.mark.llm


@pytest.fixture
def model_settings(settings, llama_server):
    settings.PLOTGUIDE_ENGINE = {
        "name": "offline",
        "llm_url": llama_server.url,
        "llm_model": MODEL_ALIAS,
    }
    return settings


def checked_authors(story: Story, data: dict) -> dict:
    """Return who wrote each section, once the stored story passes every check."""
    engine_story = EngineStory.from_dict(data)
    assert validate(engine_story, film_text(story.film)).is_publishable
    return {a.section: a for a in engine_story.written_by}


def test_generate_engine_llm_writes_only_the_sections_given(db, model_settings, capsys):
    film = add_film("The Keeper of Skerry", KEEPER_PLOT)

    status = main(
        ["generate", "--engine", "llm", "--sections", "spoiler_free", "--publish"]
        + ["--workers", "1", "--quiet", film.slug]
    )

    assert status == 0, capsys.readouterr().err
    story = Story.objects.get(film=film)
    assert story.is_faithful and story.is_published
    assert story.engine == WRITER_NAME
    authors = checked_authors(story, story.data)
    asked = authors["spoiler_free"]
    assert asked.model == MODEL_ALIAS and asked.tokens > 0
    assert asked.engine == WRITER_NAME or asked.note, asked  # says why not
    for name in ("summary", "timeline", "characters", "quiz"):
        assert authors[name].engine == ENGINE_NAME and not authors[name].tokens


def test_an_editors_rewrite_with_a_real_model_waits_as_a_draft(
    db, model_settings, engine, client
):
    film = add_film("The Keeper of Skerry", KEEPER_PLOT)
    build_stories(type(film).objects.filter(pk=film.pk), engine=engine, publish=True)
    before = Story.objects.get(film=film)
    client.force_login(User.objects.create_superuser("editor", "e@example.org", "pw"))

    response = client.post(
        "/admin/stories/story/",
        {"action": "rewrite_with_model", "_selected_action": [before.pk]},
        follow=True,
    )

    assert response.status_code == 200
    story = Story.objects.get(film=film)
    assert story.status == Story.PUBLISHED and story.data == before.data
    draft = story.draft_version
    assert draft is not None and draft["is_faithful"]
    authors = checked_authors(story, draft["data"])
    for name in WRITABLE_SECTIONS:  # the admin asks for every one
        author = authors[name]
        assert author.model == MODEL_ALIAS
        assert author.engine == WRITER_NAME or author.note, author
