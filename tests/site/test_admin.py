"""Editors review, correct, publish and regenerate stories in the admin."""

from __future__ import annotations

import json

import pytest

from django.contrib.auth.models import User

from plotguide.audience.models import WaitlistSignup
from plotguide.audience.services import join_waitlist
from plotguide.stories.models import GenerationJob, Story


@pytest.fixture
def editor(client, db):
    user = User.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_an_editor_corrects_a_section_and_readers_see_the_correction(editor, rush):
    story = Story.objects.get(film=rush)
    url = f"/admin/stories/story/{story.pk}/change/"
    form = editor.get(url)
    assert form.status_code == 200
    fields = {
        name: json.dumps(value)
        for name, value in story.sections.items()
        if name in form.context["adminform"].form.fields
    }
    setting = dict(story.sections["setting"])
    setting["time_period"] = {"value": "the early 1970s", "sources": [0]}
    fields.update(status=Story.PUBLISHED, setting=json.dumps(setting))
    fields.update(
        {
            "similar-TOTAL_FORMS": "2",
            "similar-INITIAL_FORMS": "2",
            "similar-MIN_NUM_FORMS": "0",
            "similar-MAX_NUM_FORMS": "1000",
        }
    )
    for n, similar in enumerate(story.similar.all()):
        fields.update(
            {
                f"similar-{n}-id": similar.pk,
                f"similar-{n}-story": story.pk,
                f"similar-{n}-film": similar.film_id,
                f"similar-{n}-rank": similar.rank,
                f"similar-{n}-score": similar.score,
                f"similar-{n}-reasons": json.dumps(similar.reasons),
            }
        )
    response = editor.post(url, fields)
    assert response.status_code == 302, response.content.decode()[-3000:]
    story.refresh_from_db()
    assert list(story.corrections) == ["setting"]
    assert "The early 1970s" in editor.get(rush.get_absolute_url()).content.decode()


def test_review_workflow_draft_reviewed_published(editor, rush):
    story = Story.objects.get(film=rush)
    story.status = Story.DRAFT
    story.save()
    assert "Request the full story" in (
        editor.get(rush.get_absolute_url()).content.decode()
    )
    changelist = "/admin/stories/story/"
    editor.post(changelist, {"action": "publish", "_selected_action": [story.pk]})
    story.refresh_from_db()
    assert story.status == Story.DRAFT
    editor.post(changelist, {"action": "mark_reviewed", "_selected_action": [story.pk]})
    editor.post(changelist, {"action": "publish", "_selected_action": [story.pk]})
    story.refresh_from_db()
    assert story.status == Story.PUBLISHED
    assert (
        "Ending explained"
        in editor.get(rush.get_absolute_url() + "?spoilers=all").content.decode()
    )


def test_regenerate_queues_a_build(editor, rush):
    story = Story.objects.get(film=rush)
    editor.post(
        "/admin/stories/story/",
        {"action": "regenerate", "_selected_action": [story.pk]},
    )
    assert GenerationJob.objects.filter(film=rush).exists()


def test_the_waitlist_admin_never_shows_an_address(editor):
    join_waitlist("secret.reader@example.org")
    signup = WaitlistSignup.objects.get()
    pages = [
        editor.get("/admin/audience/waitlistsignup/"),
        editor.get(f"/admin/audience/waitlistsignup/{signup.pk}/change/"),
    ]
    for page in pages:
        assert page.status_code == 200
        assert "secret.reader" not in page.content.decode()
