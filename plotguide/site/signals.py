"""Cached pages go stale when what they show changes; these signals say when."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from plotguide.catalog.models import (
    Award,
    Collection,
    CollectionItem,
    Credit,
    Film,
    PostCredits,
)
from plotguide.site import caching
from plotguide.stories.models import SimilarFilm, Story

FILM_PARTS = (Story, Credit, Award, PostCredits)


@receiver(post_save, sender=Film, dispatch_uid="site.film_saved")
@receiver(post_delete, sender=Film, dispatch_uid="site.film_deleted")
def film_changed(sender, instance: Film, **kwargs) -> None:
    caching.bump(f"film:{instance.slug}", caching.HUBS)


@receiver(m2m_changed, sender=Film.studios.through, dispatch_uid="site.studios")
@receiver(m2m_changed, sender=Film.genres.through, dispatch_uid="site.genres")
def film_links_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, Film):
        caching.bump(f"film:{instance.slug}", caching.HUBS)
    else:
        caching.bump(caching.HUBS)


def part_changed(sender, instance, **kwargs) -> None:
    caching.bump(*_film_scope(instance.film_id), caching.HUBS)


def similar_changed(sender, instance: SimilarFilm, **kwargs) -> None:
    film_id = (
        Story.objects.filter(pk=instance.story_id)
        .values_list("film_id", flat=True)
        .first()
    )
    caching.bump(*_film_scope(film_id))


def _film_scope(film_id: int | None) -> list[str]:
    """Return the film's cache scope; none when the film is being deleted with it."""
    slug = Film.objects.filter(pk=film_id).values_list("slug", flat=True).first()
    return [f"film:{slug}"] if slug else []


def collection_changed(sender, instance, **kwargs) -> None:
    caching.bump(caching.HUBS)


for model in FILM_PARTS:
    post_save.connect(part_changed, sender=model, dispatch_uid=f"site.{model}.save")
    post_delete.connect(part_changed, sender=model, dispatch_uid=f"site.{model}.del")
post_save.connect(similar_changed, sender=SimilarFilm, dispatch_uid="site.similar")
post_delete.connect(similar_changed, sender=SimilarFilm, dispatch_uid="site.similar-")
for model in (Collection, CollectionItem):
    post_save.connect(collection_changed, sender=model, dispatch_uid=f"site.{model}")
    post_delete.connect(collection_changed, sender=model, dispatch_uid=f"site.{model}-")
