"""The API's one error shape: {"error": {"code", "message", "field"}}.

Every code a client can receive is in CODES with its status, so clients can
branch on the code and docs/errors.md can be checked against this list.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError

CODES: dict[str, int] = {
    "bad_request": 400,
    "invalid_field": 422,
    "invalid_spoiler_mode": 422,
    "not_found": 404,
    "film_not_found": 404,
    "story_not_found": 404,
    "person_not_found": 404,
    "studio_not_found": 404,
    "page_not_found": 404,
    "method_not_allowed": 405,
    "story_already_published": 409,
    "rate_limited": 429,
    "server_error": 500,
}


class ErrorDetail(Schema):
    code: str
    message: str
    field: str | None = None


class ErrorOut(Schema):
    error: ErrorDetail


# Every read may answer 304 to a client holding its ETag; with a slug it may 404.
READ_RESPONSES: dict[int, Any] = {304: None, 422: ErrorOut}
SLUG_READ_RESPONSES: dict[int, Any] = {**READ_RESPONSES, 404: ErrorOut}
WRITE_RESPONSES: dict[int, Any] = {400: ErrorOut, 422: ErrorOut, 429: ErrorOut}


class ApiError(Exception):
    """A problem with a request, answered with its stable code and status."""

    def __init__(
        self,
        code: str,
        message: str,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        if code not in CODES:
            raise ValueError(f"Unknown API error code {code!r}; add it to CODES.")
        super().__init__(message)
        self.code = code
        self.status = CODES[code]
        self.message = message
        self.field = field
        self.headers = headers or {}


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    """Return the error shape as plain data, for handlers and middleware alike."""
    return {"error": {"code": code, "message": message, "field": field}}


def error_response(error: ApiError) -> HttpResponse:
    """Return an error as a JSON response outside of django-ninja."""
    body = error_body(error.code, error.message, error.field)
    return HttpResponse(
        json.dumps(body), status=error.status, content_type="application/json"
    )


def install_handlers(api: NinjaAPI) -> None:
    """Answer every failure the API can raise in the one error shape."""

    def respond(request: HttpRequest, error: ApiError) -> HttpResponse:
        body = error_body(error.code, error.message, error.field)
        response = api.create_response(request, body, status=error.status)
        for name, value in error.headers.items():
            response[name] = value
        return response

    @api.exception_handler(ApiError)
    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return respond(request, exc)

    @api.exception_handler(ValidationError)
    def on_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return respond(request, invalid_field(exc.errors))

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 429:
            return respond(request, ApiError("rate_limited", str(exc)))
        return respond(
            request,
            ApiError("bad_request", "The request body is not valid JSON."),
        )

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, ApiError("not_found", "Nothing is at this address."))


def invalid_field(errors: list[dict[str, Any]]) -> ApiError:
    """Turn pydantic's errors into one error naming the first bad field."""
    first = errors[0] if errors else {"loc": (), "msg": "Invalid request."}
    location = list(first.get("loc", ()))
    if location and location[0] == "body":
        location = location[2:]
    elif location:
        location = location[1:]
    field = ".".join(str(part) for part in location) or None
    message = str(first.get("msg", "Invalid value."))
    if field:
        message = f"{field}: {message}"
    return ApiError("invalid_field", message, field)
