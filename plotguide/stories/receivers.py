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
    changed = set(slugs)
    for model in (Story, GenerationJob):
        _delete_for(model, changed)


def _delete_for(model: type[Story] | type[GenerationJob], slugs: set[str]) -> None:
    """Delete the model's rows whose film is one of ``slugs`` and has no plot.

    An import names thousands of films and a plot is rarely taken back, so
    the few rows of films without a plot are read and matched here: a query
    with every slug in it cost an import of 10,000 films a fifth of a second.
    """
    lost = model.objects.filter(film__plot="").values_list("pk", "film__slug")
    keys = [key for key, slug in lost if slug in slugs]
    if keys:
        model.objects.filter(pk__in=keys).delete()
