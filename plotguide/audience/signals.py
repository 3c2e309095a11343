"""Requests close themselves when the story they asked for is published."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver

from plotguide.audience.services import story_published
from plotguide.stories.models import Story


@receiver(post_save, sender=Story, dispatch_uid="audience.story_published")
def close_requests(sender: type[Story], instance: Story, **kwargs) -> None:
    if instance.status == Story.PUBLISHED:
        story_published(instance)
