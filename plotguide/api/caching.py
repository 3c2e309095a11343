"""Validators on every read (ETag, Last-Modified, 304), and rendered bodies kept.

The ETag hashes the body itself, so any change a client could see changes it;
Last-Modified comes from the rows behind the answer, set by each operation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_http_date_safe

from plotguide.catalog.models import Collection, Film
from plotguide.infra.caching import RecentValues, conditional
from plotguide.stories.models import Story

READ_METHODS = ("GET", "HEAD")
BODY_TIMEOUT = 24 * 3600
RECENT_BODIES = 256

_recent = RecentValues(RECENT_BODIES)


def conditional_get(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap an operation so a successful read carries validators and may be a 304."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = run(request, *args, **kwargs)
        if request.method not in READ_METHODS or response.status_code != 200:
            return response
        if not response.has_header("ETag"):
            response.headers["ETag"] = f'"{body_digest(response.content)}"'
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return conditional(
            request, response, etag=response["ETag"], last_modified=last_modified
        )

    return wrapper


def body_digest(content: bytes) -> str:
    """Return a short, stable digest of a response body."""
    return hashlib.blake2b(content, digest_size=16).hexdigest()


def set_last_modified(response: HttpResponse, *moments: datetime | None) -> None:
    """Say when the newest of the rows behind an answer last changed."""
    known = [moment for moment in moments if moment is not None]
    if known:
        response.headers["Last-Modified"] = http_date(max(known).timestamp())


def last_update() -> datetime | None:
    """Return when anything the API shows last changed.

    Every story counts, published or not: unpublishing one changes what the
    API shows, and its timestamp says nothing about its text.
    """
    moments = [
        Film.objects.aggregate(moment=Max("updated_at"))["moment"],
        Story.objects.aggregate(moment=Max("updated_at"))["moment"],
        Collection.objects.filter(is_published=True).aggregate(
            moment=Max("updated_at")
        )["moment"],
    ]
    known = [moment for moment in moments if moment is not None]
    return max(known, default=None)


def cached_body(key: str, build: Callable[[], bytes]) -> bytes:
    """Return a rendered body from worker memory or the shared cache, building
    it on a miss.

    The key must name everything the body depends on, including when its rows
    last changed, so a change is a new key and nothing needs invalidating; that
    is also what makes a copy in worker memory safe to keep.
    """
    body = _recent.get(key)
    if body is not None:
        return body
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, timeout=BODY_TIMEOUT)
    _recent.put(key, body)
    return body
