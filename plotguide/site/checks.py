"""Deployment checks: a public site must not link to localhost.

robots.txt, canonical links, the sitemap, the feed, JSON-LD and mail all use
PLOTGUIDE_SITE_URL; left at its default on a public site, every one of them
points readers and search engines at http://localhost:8000.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})


@register(deploy=True)
def check_site_url(app_configs, **kwargs) -> list[Warning]:
    host = urlsplit(settings.PLOTGUIDE_SITE_URL).hostname or ""
    if settings.DEBUG or host not in LOCAL_HOSTS:
        return []
    return [
        Warning(
            f"PLOTGUIDE_SITE_URL is {settings.PLOTGUIDE_SITE_URL!r}: robots.txt, "
            "canonical links, the sitemap, the feed, JSON-LD and mail would all "
            "point at this machine.",
            hint="Set PLOTGUIDE_SITE_URL to the site's public address, "
            "e.g. https://plotguide.example.",
            id="site.W001",
        )
    ]
