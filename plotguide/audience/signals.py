"""Requests close themselves when the story they asked for is published."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from plotguide.audience.services import story_published
from plotguide.stories.models import Story


@receiver(post_save, sender=Story, dispatch_uid="audience.story_published")
def close_requests(sender: type[Story], instance: Story, **kwargs) -> None:
    """Mail watchers only once the story's save has committed.

    Sending inside the save's transaction would hold the database for a
    network round-trip, and a rollback would mail the same readers again.
    """
    if instance.status == Story.PUBLISHED:
        transaction.on_commit(lambda: story_published(instance))
