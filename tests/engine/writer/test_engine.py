"""The writer engine against a scripted OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import logging

import pytest

from plotguide.engine import OfflineEngine, Story
from plotguide.engine.validators import iter_lines
from plotguide.engine.writer import WRITER_NAME, WriterConfig, WriterEngine
from tests.engine.plots import HARBOR
from tests.engine.writer.server import (
    ChatServer,
    chat_reply,
    content,
    delayed,
    faithful,
    faithful_answer,
    status,
)


def writer(engine: OfflineEngine, server: ChatServer, **options) -> WriterEngine:
    options = {"timeout_s": 5.0, "retries": 1, "backoff_s": 0.05, **options}
    config = WriterConfig(server.url, "test-model", api_key="sk-secret", **options)
    return WriterEngine(config, offline=engine)


def authors(story: Story) -> dict[str, str]:
    return {author.section: author.engine for author in story.written_by}


def author(story: Story, section: str):
    return next(a for a in story.written_by if a.section == section)


def offline_part(character):
    """What the offline engine keeps of a character when the model writes arcs."""
    return (character.name, character.actor, character.role, character.fate)


def texts(story: Story, prefix: str) -> list[str]:
    return [line.text for where, line in iter_lines(story) if where.startswith(prefix)]


def test_faithful_answers_are_written_checked_and_recorded(engine, server, harbor):
    story = writer(engine, server).run(HARBOR)

    assert story.is_publishable
    assert story.engine == WRITER_NAME
    assert authors(story) == {
        "summary": WRITER_NAME,
        "timeline": WRITER_NAME,
        "characters": WRITER_NAME,
        "setting": "plotguide-offline",
        "themes": WRITER_NAME,
        "spoiler_free": WRITER_NAME,
        "quiz": "plotguide-offline",
        "after_credits": "plotguide-offline",
    }
    summary = author(story, "summary")
    assert summary.model == "test-model"
    assert summary.tokens == 150
    assert summary.kept_count == summary.written_count > 0
    titles = texts(story, "timeline.events")
    assert titles != texts(harbor, "timeline.events")
    assert story.quiz == harbor.quiz
    assert [offline_part(c) for c in story.characters] == [
        offline_part(c) for c in harbor.characters
    ]
    assert [(t.id, t.name, t.emoji) for t in story.themes] == [
        (t.id, t.name, t.emoji) for t in harbor.themes
    ]
    for name in ("timeline", "characters", "themes"):
        assert author(story, name).kept_count == author(story, name).written_count > 0


def test_the_plot_is_sent_once_in_the_system_message_and_the_key_as_bearer(
    engine, server
):
    writer(engine, server).run(HARBOR)

    systems = {json.dumps(request["messages"][0]) for request in server.requests}
    assert len(server.requests) == 5 and len(systems) == 1
    assert "[1] Detective Nora Vance" in server.requests[0]["messages"][0]["content"]
    assert server.requests[0]["response_format"]["type"] == "json_schema"


def test_malformed_json_is_asked_again_then_falls_back(engine, server, harbor):
    server.queue.extend([content("Here is the summary: {story"), content("{oops")])

    story = writer(engine, server).run(HARBOR)

    assert story.is_publishable
    assert author(story, "summary").engine == "plotguide-offline"
    assert "not JSON" in author(story, "summary").note
    assert story.summary == harbor.summary
    retry = server.requests[1]["messages"]
    assert [m["role"] for m in retry] == ["system", "user", "assistant", "user"]
    assert "rejected" in retry[-1]["content"]
    assert authors(story)["spoiler_free"] == WRITER_NAME


def test_an_answer_breaking_the_schema_falls_back(engine, server, harbor):
    wrong = json.dumps({"story": "Nora Vance is a detective.", "ending": []})
    server.queue.extend([content(wrong), content(wrong)])

    story = writer(engine, server).run(HARBOR)

    assert story.is_publishable
    note = author(story, "summary").note
    assert "breaks the schema" in note and "answer.story must be array" in note
    assert story.summary == harbor.summary


def test_a_server_that_times_out_leaves_the_offline_story(engine, server, harbor):
    server.default = delayed(3.0)

    story = writer(engine, server, timeout_s=0.3).run(HARBOR)

    assert story.is_publishable
    assert set(authors(story).values()) == {"plotguide-offline"}
    assert "no answer within 0.3 s after 2 attempts" in author(story, "summary").note
    assert "server failed" in author(story, "spoiler_free").note
    assert len(server.requests) == 2  # the other sections do not wait again
    assert (story.summary, story.timeline, story.spoiler_free) == (
        harbor.summary,
        harbor.timeline,
        harbor.spoiler_free,
    )


@pytest.mark.parametrize("code", [429, 500, 503])
def test_a_busy_server_is_retried_after_backing_off(engine, server, code):
    server.queue.append(status(code, {"Retry-After": "0"}))

    story = writer(engine, server).run(HARBOR)

    assert authors(story)["summary"] == WRITER_NAME
    assert len(server.requests) == 6


@pytest.mark.parametrize("code", [429, 500])
def test_a_server_that_keeps_refusing_falls_back(engine, server, harbor, code):
    server.default = status(code)

    story = writer(engine, server, retries=2).run(HARBOR)

    assert story.is_publishable
    assert f"HTTP {code} after 3 attempts" in author(story, "summary").note
    assert story.summary == harbor.summary
    assert len(server.requests) == 3


def test_a_refused_key_is_not_retried(engine, server):
    server.default = status(401)

    story = writer(engine, server, retries=3).run(HARBOR)

    assert "HTTP 401" in author(story, "summary").note
    assert "sk-secret" not in repr(story.to_dict()) + repr(WriterConfig)
    assert len(server.requests) == 1


def answer_with(extra: dict, section: str = "story"):
    """Answer faithfully, but with extra as the first sentence of section."""

    def behave(body):
        answer = faithful_answer(body)
        if section in answer:
            answer[section] = [extra, *answer[section][1:]]
        return 200, {}, chat_reply(json.dumps(answer))

    return behave


@pytest.mark.parametrize(
    ("invented", "why"),
    [
        (
            "Nora Vance secretly loves the ocean.",
            "supported_sentences: 'secretly', 'loves', 'ocean' not in sentences [0]",
        ),
        ("Nora Vance is not a homicide detective.", "adds 'not', which its sources"),
        ("Nora Vance dies in Port Ellis.", "states 'dies', which its sources do not"),
    ],
)
def test_a_sentence_the_checks_reject_is_dropped_not_published(
    engine, server, caplog, invented, why
):
    server.queue.append(answer_with({"text": invented, "sources": [1]}))

    with caplog.at_level(logging.INFO, logger="plotguide.engine.writer"):
        story = writer(engine, server).run(HARBOR)

    assert f"dropped {invented!r} citing [0]: {why}" in caplog.text

    assert story.is_publishable
    assert invented not in json.dumps(story.to_dict())
    summary = author(story, "summary")
    assert summary.engine == WRITER_NAME
    assert summary.kept_count == summary.written_count - 1


def test_a_description_moved_to_another_person_is_dropped(engine, server, caplog):
    # Every word is in sentence 3, but Crane is the wealthy shipping owner.
    moved = {
        "text": "Sam Okafor, a wealthy shipping owner, is owed money by the fisherman.",
        "sources": [3],
    }
    server.queue.append(answer_with(moved))

    with caplog.at_level(logging.INFO, logger="plotguide.engine.writer"):
        story = writer(engine, server).run(HARBOR)

    assert (
        f"dropped {moved['text']!r} citing [2]: describes Sam Okafor as 'a wealthy "
        "shipping owner', which its sources say of Victor Crane"
    ) in caplog.text
    assert moved["text"] not in json.dumps(story.to_dict())
    assert author(story, "summary").engine == WRITER_NAME


def test_the_spoiler_free_summary_never_cites_past_the_boundary(engine, server):
    leak = {"text": "Vance arrests Greaves on the pier.", "sources": [17]}
    server.default = answer_with(leak, "sentences")

    story = writer(engine, server).run(HARBOR)

    assert story.is_publishable
    assert all(
        i < story.timeline.spoiler_boundary
        for line in story.spoiler_free.lines
        for i in line.sources
    )
    spoiler_free = author(story, "spoiler_free")
    assert spoiler_free.kept_count == spoiler_free.written_count - 1


def test_the_token_budget_stops_writing_for_the_story(engine, server):
    story = writer(engine, server, max_story_tokens=100).run(HARBOR)

    assert authors(story)["summary"] == WRITER_NAME
    assert "token budget spent (150 of 100)" in author(story, "timeline").note
    assert len(server.requests) == 1


def test_a_stored_story_reads_back_with_its_authors(engine, server):
    story = writer(engine, server).run(HARBOR)

    again = Story.from_dict(json.loads(json.dumps(story.to_dict())))

    assert again.written_by == story.written_by


def test_a_server_without_json_schema_gets_a_json_object_with_the_schema(
    engine, server
):
    """llama-cpp-python's server answers 422 to OpenAI's json_schema form."""

    def json_object_only(body):
        if body["response_format"]["type"] != "json_object":
            return 422, {}, json.dumps({"detail": "type must be json_object"})
        assert body["response_format"]["schema"]["type"] == "object"
        return faithful(body)

    server.default = json_object_only

    story = writer(engine, server).run(HARBOR)

    assert set(authors(story).values()) >= {WRITER_NAME}
    assert authors(story)["spoiler_free"] == WRITER_NAME
    formats = [r["response_format"]["type"] for r in server.requests]
    assert formats == ["json_schema"] + ["json_object"] * 5


def test_a_server_that_is_not_a_chat_endpoint_leaves_the_offline_story(
    engine, server, harbor
):
    server.default = lambda body: (200, {}, json.dumps({"status": "ok"}))

    story = writer(engine, server).run(HARBOR)

    assert story.is_publishable and story.summary == harbor.summary
    assert "no choices[0].message.content" in author(story, "summary").note
    assert len(server.requests) == 1
