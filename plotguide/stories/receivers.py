"""Stories follow their film: a film that loses its plot loses its story.

An import that undoes a wrong join takes the plot back from the film it was
written onto; the story built from that plot told another film's story, so it
goes at once rather than waiting for an editor.
"""

from __future__ import annotations

from django.dispatch import receiver

from plotguide.catalog.signals import films_imported
from plotguide.stories.models import GenerationJob, Story


@receiver(films_imported, dispatch_uid="stories.films_imported")
def withdraw_stories_without_a_plot(sender, slugs: list[str], **kwargs) -> None:
    Story.objects.filter(film__slug__in=slugs, film__plot="").delete()
    GenerationJob.objects.filter(film__slug__in=slugs, film__plot="").delete()
