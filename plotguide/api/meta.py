"""What a client checks first: the API version and how big the catalogue is."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from plotguide.api.caching import last_update, set_last_modified
from plotguide.api.schemas import MetaOut
from plotguide.catalog.models import Film
from plotguide.stories.models import Story

API_VERSION = "1"

router = Router(tags=["meta"])


@router.get(
    "/meta",
    response={200: MetaOut, 304: None},
    summary="API version and catalogue size",
)
def get_meta(request: HttpRequest, response: HttpResponse) -> dict:
    moment = last_update()
    set_last_modified(response, moment)
    return {
        "api_version": API_VERSION,
        "film_count": Film.objects.count(),
        "story_count": Story.objects.published().count(),
        "last_update": moment,
    }
