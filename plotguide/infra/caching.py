"""Caching helpers: a small in-process copy in front of Django's shared cache."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response


class RecentValues:
    """The values this process used last, at most `size`, safe across threads.

    Worth it only for keys that change whenever their value does (a version or
    a timestamp in the key): a hit then skips the shared cache's round-trip,
    and a stale copy can never be served.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Any | None:
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


def conditional(
    request: HttpRequest,
    response: HttpResponse,
    *,
    etag: str | None = None,
    last_modified: int | None = None,
) -> HttpResponse:
    """The response, or a 304/412 when the reader's copy is still good.

    Django's own helper is typed to return None too, which it never does when
    given a response; this one says so once for every caller.
    """
    answer = get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )
    return response if answer is None else answer
