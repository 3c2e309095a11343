"""Stories built by the writer engine are saved whole, checked, with their authors."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from plotguide.engine import OfflineEngine
from plotguide.engine.writer import WRITER_NAME, WriterConfig, WriterEngine
from plotguide.stories.models import Story
from tests.engine.writer.server import (
    ChatServer,
    chat_reply,
    delayed,
    faithful,
    faithful_answer,
    status,
)
from tests.stories.conftest import KEEPER_PLOT, add_film, build

INVENTED = "Mara Quill secretly sells the gold to Edgar Holt."


@pytest.fixture
def server() -> Iterator[ChatServer]:
    running = ChatServer().start()
    yield running
    running.stop()


def writer(engine: OfflineEngine, server: ChatServer, **options) -> WriterEngine:
    options = {"timeout_s": 5.0, "retries": 1, "backoff_s": 0.05, **options}
    return WriterEngine(
        WriterConfig(server.url, "test-model", **options), offline=engine
    )


def stored(film_title: str) -> Story:
    return Story.objects.get(film__title=film_title)


def offline_sections(engine: OfflineEngine, film) -> dict:
    build(engine, film, publish=True, force=True)
    return stored(film.title).data


def inventing(body):
    """Answer faithfully, but open every section with a sentence no plot states."""
    answer = faithful_answer(body)
    for key, value in answer.items():
        if key != "titles":
            answer[key] = [{"text": INVENTED, "sources": [1, 2]}, *value[1:]]
    return 200, {}, chat_reply(json.dumps(answer))


def test_a_written_story_is_published_with_who_wrote_each_section(db, engine, server):
    film = add_film("The Keeper of Skerry", KEEPER_PLOT)
    server.default = inventing

    report = build(writer(engine, server), film, publish=True)

    story = stored(film.title)
    assert report.published == 1 and story.status == Story.PUBLISHED
    assert story.is_faithful and story.engine == WRITER_NAME
    authors = {a["section"]: a for a in story.data["written_by"]}
    assert authors["summary"]["engine"] == WRITER_NAME
    # The invented sentence opened the retelling and the ending: both dropped.
    assert authors["summary"]["kept_count"] == authors["summary"]["written_count"] - 2
    assert authors["quiz"]["engine"] == "plotguide-offline"
    assert INVENTED not in json.dumps(story.data)


@pytest.mark.parametrize(
    "behaviour",
    [status(500), status(429), delayed(2.0)],
    ids=["500", "429", "timeout"],
)
def test_a_failing_server_publishes_the_whole_offline_story(
    db, engine, server, behaviour
):
    film = add_film("The Keeper of Skerry", KEEPER_PLOT)
    offline = offline_sections(engine, film)
    server.default = behaviour

    build(writer(engine, server, timeout_s=0.3), film, publish=True, force=True)

    story = stored(film.title)
    assert story.status == Story.PUBLISHED and story.is_faithful
    for section in ("summary", "timeline", "spoiler_free", "characters", "quiz"):
        assert story.data[section] == offline[section]
    assert {a["engine"] for a in story.data["written_by"]} == {"plotguide-offline"}


def test_a_server_failing_mid_story_leaves_no_half_section(db, engine, server):
    film = add_film("The Keeper of Skerry", KEEPER_PLOT)
    offline = offline_sections(engine, film)
    server.queue.append(faithful)
    server.default = status(500)

    build(writer(engine, server), film, publish=True, force=True)

    story = stored(film.title)
    authors = {a["section"]: a["engine"] for a in story.data["written_by"]}
    assert authors["summary"] == WRITER_NAME
    assert authors["timeline"] == authors["spoiler_free"] == "plotguide-offline"
    assert story.data["timeline"] == offline["timeline"]
    assert story.data["spoiler_free"] == offline["spoiler_free"]
    assert story.data["summary"]["ending"] and story.data["summary"]["paragraphs"]
    assert story.status == Story.PUBLISHED and story.is_faithful
