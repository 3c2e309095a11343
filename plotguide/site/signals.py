"""Cached pages go stale when what they show changes; these signals say when.

Saves that editors and story builds make are watched row by row: a film (the
admin saves it with its credits, awards and post-credits inlines), its story
and collections. Work done in bulk says what it changed once, through the
catalogue's films_imported and the stories' similar_films_refreshed signals;
similar films are not watched row by row, so replacing thousands of them stays
a fast bulk delete.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from plotguide.catalog.models import Collection, CollectionItem, Film
from plotguide.catalog.signals import films_imported
from plotguide.site import caching
from plotguide.stories.models import Story
from plotguide.stories.signals import similar_films_refreshed


@receiver(post_save, sender=Film, dispatch_uid="site.film_saved")
@receiver(post_delete, sender=Film, dispatch_uid="site.film_deleted")
def film_changed(sender, instance: Film, **kwargs) -> None:
    caching.bump(f"film:{instance.slug}")


@receiver(post_save, sender=Story, dispatch_uid="site.story_saved")
@receiver(post_delete, sender=Story, dispatch_uid="site.story_deleted")
def story_changed(sender, instance: Story, **kwargs) -> None:
    caching.bump(*_film_scope(instance.film_id), caching.HUBS)


@receiver(films_imported, dispatch_uid="site.films_imported")
@receiver(similar_films_refreshed, dispatch_uid="site.similar_refreshed")
def films_changed_in_bulk(sender, slugs: list[str], **kwargs) -> None:
    caching.bump(*(f"film:{slug}" for slug in slugs), caching.HUBS)


@receiver(post_save, sender=Collection, dispatch_uid="site.collection_saved")
@receiver(post_delete, sender=Collection, dispatch_uid="site.collection_deleted")
@receiver(post_save, sender=CollectionItem, dispatch_uid="site.item_saved")
@receiver(post_delete, sender=CollectionItem, dispatch_uid="site.item_deleted")
def collection_changed(sender, instance, **kwargs) -> None:
    caching.bump(caching.HUBS)


def _film_scope(film_id: int | None) -> list[str]:
    """Return the film's cache scope; none when the film is being deleted with it."""
    if film_id is None:
        return []
    slug = Film.objects.filter(pk=film_id).values_list("slug", flat=True).first()
    return [f"film:{slug}"] if slug else []
