"""Whole-page caching for reader pages, keyed on the spoiler choice.

A page is cached under a version number per film (and one for the hubs);
saving a story, a film or anything shown with them bumps the version, so the
next request renders afresh in every worker process that shares the cache.
A repeated request is answered from the worker's memory, rereading the
shared version at most once a second, and with a 304 when the reader's copy
is current.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, BaseCache, cache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

from plotguide.infra.caching import RecentValues

HUBS = "hubs"
VERSION_TIMEOUT = None
PAGE_TIMEOUT = 3600
RECENT_PAGES = 256
VERSION_TTL = 1.0
_versions: dict[str, tuple[int, float]] = {}
# Recent pages in this process too; the versioned key keeps them fresh, and a
# hit costs one small read of the shared cache (the version), not two.
_recent = RecentValues(RECENT_PAGES)


@dataclass(frozen=True)
class CachedPage:
    body: bytes
    etag: str
    content_type: str = "text/html; charset=utf-8"


def version(scope: str) -> int:
    """Return the current version of a film's pages ("film:<slug>") or the hubs'.

    A new version starts from the clock, so a version key lost from the cache
    never comes back as a number that older cached pages still carry. Each
    worker rereads it at most every VERSION_TTL seconds: a change made in
    another worker shows within that second, one made here at once.
    """
    now = time.monotonic()
    known = _versions.get(scope)
    if known is not None and now - known[1] < VERSION_TTL:
        return known[0]
    stamp = time.time_ns() // 1000
    value = (
        cache.get_or_set(f"site:version:{scope}", stamp, timeout=VERSION_TIMEOUT)
        or stamp
    )
    _versions[scope] = (value, now)
    return value


def bump(*scopes: str) -> None:
    """Invalidate every cached page of these scopes, in every process.

    A scope with no version yet has no cached page to invalidate, so it is
    left alone: a bulk import then writes nothing to the cache per film.
    The versions are read in one call and only those found are raised; an
    import names 10,000 films, and an increment per film cost it a third of
    a CPU second with the file cache (a round trip per film with Redis).
    """
    for scope in scopes:
        _versions.pop(scope, None)
    store = caches[DEFAULT_CACHE_ALIAS]  # past the proxy's look-up per call
    found = store.get_many(
        _maybe_stored(store, [f"site:version:{scope}" for scope in scopes])
    )
    for key in found:
        try:
            store.incr(key)
        except ValueError:  # gone since it was read: no page left to invalidate
            continue


def _maybe_stored(store: BaseCache, keys: list[str]) -> list[str]:
    """Return the keys the cache may hold: with the file cache, those with a file.

    The file cache reads a key by opening its file, and an import's films
    mostly have none: one listing of the folder spares a failed open per
    film (0.17 CPU s for 9,762 films, 0.10 s with files to match, none when
    the folder is empty).
    """
    if not isinstance(store, FileBasedCache):
        return keys
    # The folder and a key's file name are the file cache's own (no stubs).
    try:
        files = set(os.listdir(store._dir))  # type: ignore[attr-defined]
    except FileNotFoundError:
        return []
    if not files:
        return []
    file_of = store._key_to_file  # type: ignore[attr-defined]
    return [key for key in keys if os.path.basename(file_of(key)) in files]


def cached_page(
    scope: str, variant: str, render: Callable[[], HttpResponse]
) -> CachedPage | HttpResponse:
    """Return the page from the cache, rendering and storing it on a miss.

    A response other than 200 (a 404, a redirect) is returned as it is and
    never stored.
    """
    key = f"site:page:{scope}:{version(scope)}:{variant}"
    page = _recent.get(key) or cache.get(key)
    if page is None:
        response = render()
        if response.status_code != 200:
            return response
        body = response.content
        page = CachedPage(
            body=body,
            etag='"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
            content_type=response["Content-Type"],
        )
        cache.set(key, page, timeout=PAGE_TIMEOUT)
    _recent.put(key, page)
    return page


def respond(
    request: HttpRequest, page: CachedPage | HttpResponse, *, vary_cookie: bool
) -> HttpResponse:
    """Turn a cached page into a response with Cache-Control, ETag and Vary.

    vary_cookie is True when the reader's spoiler cookie chose the content
    (a bare URL); an explicit ?spoilers= URL does not depend on cookies.
    """
    if isinstance(page, HttpResponse):
        return page
    if page.etag in _etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(page.body, content_type=page.content_type)
    response["ETag"] = page.etag
    response["Cache-Control"] = f"public, max-age={settings.PLOTGUIDE_PAGE_MAX_AGE}"
    if vary_cookie:
        patch_vary_headers(response, ["Cookie"])
    return response


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def clear() -> None:
    """Forget every cached page, in this process and in the shared cache."""
    _recent.clear()
    _versions.clear()
    cache.clear()
