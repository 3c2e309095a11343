"""The site's URLs plus a trivial view, for bench/page_speed.py.

The trivial view returns the film page's bytes with no work, through the same
settings, middleware and gunicorn, so it measures the floor a page can reach.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

_BYTES = Path(os.environ["PLOTGUIDE_BENCH_FLOOR_FILE"]).read_bytes()


def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse(_BYTES, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench/floor/", floor),
    path("", include("plotguide.urls")),
]
