"""An editor's "Rewrite with the model" in the admin, against a chat server on loopback.

The editor is a logged-in staff user driving the real admin through Django's
test client; the model is the writer tests' chat server (real sockets). A
published story keeps its published text for readers while the rewrite waits
as its draft version; an unpublished one becomes a draft with the new text.
"""

from __future__ import annotations

import html

import pytest

from django.contrib.auth.models import Permission, User
from django.test import Client

from plotguide.engine import ENGINE_NAME
from plotguide.engine.writer import WRITER_NAME
from plotguide.site import caching
from plotguide.stories.models import GenerationJob, Story
from plotguide.stories.services import build_stories
from tests.engine.writer.server import status
from tests.stories.conftest import KEEPER_PLOT, MODEL, add_film

CHANGELIST = "/admin/stories/story/"


@pytest.fixture
def editor(client, db):
    user = User.objects.create_user("editor", "editor@example.org", "pw")
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(codename="change_story"))
    client.force_login(user)
    caching.clear()
    yield client
    caching.clear()


@pytest.fixture
def published(db, engine):
    """The Keeper of Skerry, its offline story published."""
    film = add_film("The Keeper of Skerry", KEEPER_PLOT)
    build_stories(type(film).objects.filter(pk=film.pk), engine=engine, publish=True)
    return Story.objects.select_related("film").get(film=film)


def act(editor, action: str, *stories: Story) -> list[str]:
    """Run an admin action as the editor; return the messages shown after it."""
    response = editor.post(
        CHANGELIST,
        {"action": action, "_selected_action": [story.pk for story in stories]},
        follow=True,
    )
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def reader_page(story: Story) -> str:
    """The film's page as an anonymous reader gets it, every spoiler shown."""
    response = Client().get(story.film.get_absolute_url() + "?spoilers=all")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def shown_titles(data: dict) -> set[str]:
    """The timeline's titles as the film page shows them."""
    return {f"<h3>{e['title']['text']}</h3>" for e in data["timeline"]["events"]}


def test_a_rewrite_of_a_published_story_waits_as_a_draft_until_published(
    editor, llm_settings, server, published
):
    before = Story.objects.get(pk=published.pk)
    shown_before = reader_page(published)

    said = act(editor, "rewrite_with_model", published)

    assert any("1 stories rewritten with the model as drafts" in m for m in said), said
    assert server.requests, "the model was asked"
    story = Story.objects.get(pk=published.pk)
    # Readers keep the published text, as it was.
    assert story.status == Story.PUBLISHED
    assert story.data == before.data and story.engine == ENGINE_NAME
    assert reader_page(story) == shown_before
    # The new text waits as a draft version, written by the model where it passed.
    draft = story.draft_version
    assert draft["engine"] == WRITER_NAME and draft["is_faithful"]
    authors = {a["section"]: a for a in draft["data"]["written_by"]}
    written = ("summary", "timeline", "characters", "themes", "spoiler_free")
    assert {authors[n]["engine"] for n in written} == {WRITER_NAME}
    assert authors["summary"]["model"] == MODEL
    assert authors["quiz"]["engine"] == authors["setting"]["engine"] == ENGINE_NAME
    new_titles = shown_titles(draft["data"]) - shown_titles(before.data)
    assert new_titles, "the model titled the timeline in its own words"
    assert all(title in shown_before for title in shown_titles(before.data))
    assert not any(title in shown_before for title in new_titles)
    # The editor sees the rewrite on the story's page, and that it waits.
    form = editor.get(f"{CHANGELIST}{story.pk}/change/").content.decode()
    assert "Rewrite waiting for review" in form
    assert "Written by the model: summary (test-model)" in form
    assert "The rewrite passes every check." in form
    assert "sk-secret" not in form + str(draft)

    said = act(editor, "publish_rewrite", story)

    assert "1 rewrites published." in said
    story.refresh_from_db()
    assert story.status == Story.PUBLISHED and story.draft_version is None
    assert story.data == draft["data"] and story.engine == WRITER_NAME
    assert story.published_at == before.published_at
    page = reader_page(story)
    assert all(title in page for title in new_titles), new_titles


def test_a_rewrite_of_an_unpublished_story_replaces_its_text_as_a_draft(
    editor, llm_settings, server, published
):
    published.move_to(Story.REVIEWED)

    act(editor, "rewrite_with_model", published)

    story = Story.objects.get(pk=published.pk)
    assert story.status == Story.DRAFT and story.draft_version is None
    assert story.engine == WRITER_NAME
    authors = {a["section"]: a["engine"] for a in story.data["written_by"]}
    assert authors["summary"] == WRITER_NAME and authors["quiz"] == ENGINE_NAME


def test_without_the_model_settings_the_editor_is_told_what_to_set(
    editor, settings, published
):
    settings.PLOTGUIDE_ENGINE = {"name": "offline"}
    before = Story.objects.get(pk=published.pk)

    said = act(editor, "rewrite_with_model", published)

    (message,) = said
    assert message.startswith("Nothing was rewritten: the model is not set up.")
    assert "Set PLOTGUIDE_LLM_URL and PLOTGUIDE_LLM_MODEL" in message
    after = Story.objects.get(pk=published.pk)
    assert (after.data, after.status, after.updated_at, after.draft_version) == (
        before.data,
        before.status,
        before.updated_at,
        None,
    )


def test_a_failing_model_leaves_the_published_story_and_says_so(
    editor, llm_settings, server, published
):
    server.default = status(500)
    before = Story.objects.get(pk=published.pk)
    shown_before = reader_page(published)

    said = act(editor, "rewrite_with_model", published)

    assert any(
        "The Keeper of Skerry" in m and "the model wrote no section" in m for m in said
    ), said
    story = Story.objects.get(pk=published.pk)
    assert story.data == before.data and story.status == Story.PUBLISHED
    assert reader_page(story) == shown_before
    authors = story.draft_version["data"]["written_by"]
    assert {a["engine"] for a in authors} == {ENGINE_NAME}


def test_a_discarded_rewrite_leaves_the_published_story_as_it_was(
    editor, llm_settings, server, published
):
    before = Story.objects.get(pk=published.pk)
    act(editor, "rewrite_with_model", published)

    assert act(editor, "discard_rewrite", published) == ["1 rewrites discarded."]

    story = Story.objects.get(pk=published.pk)
    assert story.draft_version is None
    assert story.data == before.data and story.status == Story.PUBLISHED


def test_a_rewrite_never_touches_a_readers_queued_request(
    editor, llm_settings, server, published
):
    from plotguide.stories import jobs

    jobs.queue_generation(published.film)
    server.default = status(500)

    act(editor, "rewrite_with_model", published)

    assert GenerationJob.objects.get(film=published.film).status == GenerationJob.QUEUED


def test_a_rebuild_from_a_changed_plot_drops_a_rewrite_of_the_old_one(
    editor, llm_settings, server, published, engine
):
    act(editor, "rewrite_with_model", published)
    film = published.film
    film.plot = KEEPER_PLOT + " Years later, Tobias Wren returns to Skerry."
    film.save()

    build_stories(type(film).objects.filter(pk=film.pk), engine=engine)

    story = Story.objects.get(pk=published.pk)
    assert story.status == Story.PUBLISHED and story.draft_version is None
    assert "returns to Skerry" in str(story.data)
