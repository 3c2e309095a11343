"""Summary requests and the app waitlist: the site's forms, as JSON.

Input goes through the site's own form classes, then the audience services, so
a request or sign-up behaves the same wherever it came from. No address ever
comes back in a response.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from plotguide.api.errors import WRITE_RESPONSES, ApiError, ErrorOut
from plotguide.api.ratelimit import check_rate
from plotguide.audience import services
from plotguide.audience.forms import SummaryRequestForm, WaitlistForm

router = Router(tags=["requests and waitlist"])


class RequestIn(Schema):
    title: str = Field(max_length=300, description="The film's title.")
    year: int | None = Field(None, ge=0, le=32767, description="Its release year.")
    note: str = Field("", max_length=1000, description="A note for the editors.")
    email: str = Field(
        "",
        max_length=254,
        description="Where to say when the story is published; used once, "
        "then deleted.",
    )


class RequestOut(Schema):
    title: str
    year: int | None
    status: str = Field(description="'new', 'queued', 'published' or 'declined'.")
    request_count: int = Field(description="Readers who asked for this film.")
    status_url: str = Field(description="The request's public status page.")


class WaitlistIn(Schema):
    email: str = Field(max_length=254)


class WaitlistOut(Schema):
    message: str


@router.post(
    "/requests",
    response={201: RequestOut, 409: ErrorOut, **WRITE_RESPONSES},
    summary="Ask for a film's story",
)
def create_request(request: HttpRequest, payload: RequestIn) -> Status:
    """Requests for the same film merge; a film whose story is out is a 409."""
    check_rate(request, "summary_request")
    values = cleaned(SummaryRequestForm, payload.dict())
    film = services.find_film(values["title"], values["year"])
    story = getattr(film, "story", None)
    if film is not None and story is not None and story.is_published:
        raise ApiError(
            "story_already_published",
            f"{film} already has a story: /api/v1/films/{film.slug}/story",
            "title",
        )
    summary_request = services.request_summary(**values)
    return Status(
        201,
        {
            "title": summary_request.title,
            "year": summary_request.year,
            "status": summary_request.status,
            "request_count": summary_request.count,
            "status_url": summary_request.get_absolute_url(),
        },
    )


@router.post(
    "/waitlist",
    response={202: WaitlistOut, **WRITE_RESPONSES},
    summary="Join the app's waitlist (double opt-in)",
)
def join_waitlist(request: HttpRequest, payload: WaitlistIn) -> Status:
    """The answer is the same whether the address is new, waiting or confirmed,
    so the endpoint cannot be used to learn who signed up."""
    check_rate(request, "waitlist")
    values = cleaned(WaitlistForm, payload.dict())
    services.join_waitlist(values["email"])
    return Status(
        202,
        {
            "message": "Check your inbox: the sign-up counts once the link in "
            "the confirmation mail is followed."
        },
    )


def cleaned(form_class: type[forms.Form], data: dict[str, Any]) -> dict[str, Any]:
    """Run the site's form over the data; its first complaint becomes a 422."""
    form = form_class(data={k: v for k, v in data.items() if v is not None})
    if form.is_valid():
        return form.cleaned_data
    field, messages = next(iter(form.errors.items()))
    raise ApiError("invalid_field", f"{field}: {messages[0]}", field)
