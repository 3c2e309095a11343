"""A small fixed-window rate limit kept in Django's cache, shared by site and API.

Usage::

    verdict = hit("waitlist", client_ident(request))
    if not verdict.allowed:
        return HttpResponse(status=429, headers={"Retry-After": verdict.retry_after})

Limits come from settings.PLOTGUIDE_RATE_LIMITS = {scope: (requests, seconds)}.
A scope missing from the setting is not limited, so a new form must add its line.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class Verdict:
    """Whether one more request is allowed, and when to try again if not."""

    allowed: bool
    remaining: int
    retry_after: int


def limit_for(scope: str) -> tuple[int, int] | None:
    """Return (requests, seconds) for a scope, or None when it is unlimited."""
    return getattr(settings, "PLOTGUIDE_RATE_LIMITS", {}).get(scope)


def hit(scope: str, ident: str, *, now: float | None = None) -> Verdict:
    """Count one request of `ident` in `scope` and say whether it is allowed.

    The identity is hashed before it becomes a cache key, so addresses never
    sit in the cache in clear.
    """
    rule = limit_for(scope)
    if rule is None:
        return Verdict(allowed=True, remaining=-1, retry_after=0)
    limit, window = rule
    now = time.time() if now is None else now
    window_start = int(now // window * window)
    digest = hashlib.sha256(ident.encode()).hexdigest()[:24]
    key = f"ratelimit:{scope}:{window_start}:{digest}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    return Verdict(
        allowed=count <= limit,
        remaining=max(limit - count, 0),
        retry_after=max(int(window_start + window - now), 1),
    )


def client_ident(request: HttpRequest) -> str:
    """Return who is asking: the client address as the server saw it.

    Behind the shipped nginx configuration REMOTE_ADDR is the proxy, so nginx
    sets X-Real-IP; it is trusted only when the request came from loopback.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_REAL_IP", "")
    if forwarded and remote in {"127.0.0.1", "::1"}:
        return forwarded
    return remote
