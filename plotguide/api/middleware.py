"""The API's edge: CORS for the origins a deployment allows, and the one error
shape for the answers Django gives outside django-ninja's handlers."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from plotguide.api.errors import ApiError, error_response

API_PREFIX = "/api/"
ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS"
ALLOWED_HEADERS = "Content-Type, If-None-Match, If-Modified-Since"
EXPOSED_HEADERS = "ETag, Last-Modified, Retry-After"
PREFLIGHT_MAX_AGE = "86400"


def cors_origins() -> list[str]:
    """Return the allowed origins; '*' allows any. Read per request, never at import."""
    return list(getattr(settings, "PLOTGUIDE_CORS_ORIGINS", []))


class ApiEdgeMiddleware:
    """Answer preflights, add CORS headers and reshape Django's own error pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        origin = request.headers.get("Origin")
        is_preflight = request.method == "OPTIONS" and origin is not None
        if is_preflight and "Access-Control-Request-Method" in request.headers:
            response = HttpResponse(status=204)
        elif request.method == "HEAD":
            response = head_of(request, self.get_response)
        else:
            response = as_api_error(self.get_response(request))
        allowed = cors_origins()
        if allowed:
            # Shared caches must not hand one origin's answer to another.
            patch_vary_headers(response, ["Origin"])
        if origin and ("*" in allowed or origin in allowed):
            add_cors_headers(response, origin, allowed, is_preflight)
        return response


def head_of(
    request: HttpRequest, get_response: Callable[[HttpRequest], HttpResponse]
) -> HttpResponse:
    """Answer HEAD as the GET would, with its headers and no body.

    django-ninja registers GET alone, so without this every API address
    answered HEAD with 405.
    """
    request.method = "GET"
    try:
        response = as_api_error(get_response(request))
    finally:
        request.method = "HEAD"
    if not response.streaming:
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return response


def as_api_error(response: HttpResponse) -> HttpResponse:
    """Give Django's own 404, 405 and 500 pages the error shape.

    They come from URL routing, a method no operation takes, or an unexpected
    failure, before or after django-ninja; the failure itself is logged by
    Django as usual.
    """
    if response.get("Content-Type", "").startswith("application/json"):
        return response
    if response.status_code == 404:
        return error_response(ApiError("not_found", "Nothing is at this address."))
    if response.status_code == 405:
        allowed = response.get("Allow", "")
        reshaped = error_response(
            ApiError(
                "method_not_allowed",
                f"This address does not take that method; it takes {allowed}.",
            )
        )
        reshaped["Allow"] = allowed
        return reshaped
    if response.status_code == 500:
        return error_response(
            ApiError(
                "server_error",
                "Something went wrong on the server; it has been logged. "
                "Try again later.",
            )
        )
    return response


def add_cors_headers(
    response: HttpResponse, origin: str, allowed: list[str], is_preflight: bool
) -> None:
    """Let a browser on an allowed origin read the answer and its validators."""
    response["Access-Control-Allow-Origin"] = "*" if "*" in allowed else origin
    response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    if is_preflight:
        response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
