"""Cached pages go stale when what they show changes; these signals say when.

Only saves that editors and story builds make are watched: a film (the admin
saves it with its credits, awards and post-credits inlines), its story,
similar films and collections. Imports that write rows in bulk are picked up
when cached pages expire (caching.PAGE_TIMEOUT).
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from plotguide.catalog.models import Collection, CollectionItem, Film
from plotguide.site import caching
from plotguide.stories.models import SimilarFilm, Story


@receiver(post_save, sender=Film, dispatch_uid="site.film_saved")
@receiver(post_delete, sender=Film, dispatch_uid="site.film_deleted")
def film_changed(sender, instance: Film, **kwargs) -> None:
    caching.bump(f"film:{instance.slug}")


@receiver(post_save, sender=Story, dispatch_uid="site.story_saved")
@receiver(post_delete, sender=Story, dispatch_uid="site.story_deleted")
def story_changed(sender, instance: Story, **kwargs) -> None:
    caching.bump(*_film_scope(instance.film_id), caching.HUBS)


@receiver(post_save, sender=SimilarFilm, dispatch_uid="site.similar_saved")
@receiver(post_delete, sender=SimilarFilm, dispatch_uid="site.similar_deleted")
def similar_changed(sender, instance: SimilarFilm, **kwargs) -> None:
    film_id = (
        Story.objects.filter(pk=instance.story_id)
        .values_list("film_id", flat=True)
        .first()
    )
    caching.bump(*_film_scope(film_id))


@receiver(post_save, sender=Collection, dispatch_uid="site.collection_saved")
@receiver(post_delete, sender=Collection, dispatch_uid="site.collection_deleted")
@receiver(post_save, sender=CollectionItem, dispatch_uid="site.item_saved")
@receiver(post_delete, sender=CollectionItem, dispatch_uid="site.item_deleted")
def collection_changed(sender, instance, **kwargs) -> None:
    caching.bump(caching.HUBS)


def _film_scope(film_id: int | None) -> list[str]:
    """Return the film's cache scope; none when the film is being deleted with it."""
    slug = Film.objects.filter(pk=film_id).values_list("slug", flat=True).first()
    return [f"film:{slug}"] if slug else []
