"""The site's public address, for links that leave the request: mail, feeds, SEO."""

from __future__ import annotations

from django.conf import settings


def site_url() -> str:
    """Return the site's public address, without a trailing slash.

    It comes from settings, never from the request's Host header, so a forged
    header cannot put someone else's site into our mail or the sitemap.
    """
    return settings.PLOTGUIDE_SITE_URL.rstrip("/")
