"""Requests close themselves when the story they asked for is published."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from plotguide.audience.models import SummaryRequest
from plotguide.audience.services import story_published
from plotguide.stories.models import Story
from plotguide.stories.signals import story_build_failed


@receiver(post_save, sender=Story, dispatch_uid="audience.story_published")
def close_requests(sender: type[Story], instance: Story, **kwargs) -> None:
    """Mail watchers only once the story's save has committed.

    Sending inside the save's transaction would hold the database for a
    network round-trip, and a rollback would mail the same readers again.
    """
    if instance.is_published:
        transaction.on_commit(lambda: story_published(instance))


@receiver(story_build_failed, dispatch_uid="audience.story_build_failed")
def return_requests_to_editors(sender, film_id: int, error: str, **kwargs) -> None:
    """A request whose build failed goes back to the editors' queue, not limbo."""
    SummaryRequest.objects.filter(film_id=film_id, status=SummaryRequest.QUEUED).update(
        status=SummaryRequest.NEW
    )
