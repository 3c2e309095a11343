"""The site's use of the shared rate limit: a decorator that answers 429."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from plotguide.infra.ratelimit import client_ident, hit


def rate_limited(
    scope: str, methods: Iterable[str] = ("GET", "POST")
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Answer 429 with a readable page once a client passes the scope's limit."""
    methods = frozenset(methods)

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method in methods:
                verdict = hit(scope, client_ident(request))
                if not verdict.allowed:
                    response = render(
                        request,
                        "site/too_many.html",
                        {"retry_after": verdict.retry_after},
                        status=429,
                    )
                    response["Retry-After"] = str(verdict.retry_after)
                    return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
