"""sitemap.xml: every published story, the hubs, and the people in them."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from plotguide.catalog.models import Film


class FilmSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 10_000

    def items(self):
        return (
            Film.objects.with_published_story()
            .select_related("story")
            .only("slug", "story__updated_at")
            .order_by("pk")
        )

    def lastmod(self, item: Film):
        return item.story.updated_at


class HubSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self) -> list[str]:
        return [
            "site:home",
            "site:releases",
            "site:people",
            "site:studios",
            "site:stories_az",
            "site:awards",
            "site:music",
            "site:collections",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"films": FilmSitemap, "hubs": HubSitemap}
