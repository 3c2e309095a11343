"""A film's story under the reader's spoiler choice, its similar films, its quiz.

The spoiler rules are the site's own (plotguide.stories.spoilers): what a mode
hides is cut from the data before it is serialised, never merely flagged.
"""

from __future__ import annotations

import functools
import hashlib
import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from plotguide.api import queries
from plotguide.api.caching import cached_body, set_last_modified
from plotguide.api.errors import (
    SLUG_READ_RESPONSES,
    WRITE_RESPONSES,
    ApiError,
    ErrorOut,
)
from plotguide.api.params import Slug
from plotguide.api.ratelimit import check_rate
from plotguide.api.story_schemas import (
    QuizAnswersIn,
    QuizOut,
    QuizResultOut,
    SimilarOut,
    StoryOut,
)
from plotguide.stories.models import SimilarFilm, Story
from plotguide.stories.quiz import QuizResult, questions_without_answers, score_quiz
from plotguide.stories.spoilers import (
    SpoilerMode,
    SpoilerModeError,
    event_choices,
    parse_mode,
    visible_reasons,
    visible_story,
)

router = Router(tags=["stories"])

SPOILERS_HELP = (
    "'none' (the default: premise, setting and who is who), 'upto:<event>' "
    "(everything through that timeline event, counting from 0; see "
    "spoiler_choices) or 'all'."
)


@router.get(
    "/films/{slug}/story",
    response={200: StoryOut, **SLUG_READ_RESPONSES},
    summary="A film's story, cut at the reader's spoiler choice",
)
def get_story(
    request: HttpRequest,
    response: HttpResponse,
    slug: Slug,
    spoilers: str = Query("none", max_length=20, description=SPOILERS_HELP),
) -> HttpResponse:
    """The rendered answer is cached under the story's and the film's last change,
    so a repeated read costs one small query and one cache read."""
    mode = spoiler_mode(spoilers)
    story_changed, film_changed = queries.story_stamp(slug)
    set_last_modified(response, story_changed, film_changed)
    key = ":".join(
        [
            "api:story",
            story_format(),
            slug,
            str(mode),
            str(story_changed.timestamp()),
            str(film_changed.timestamp()),
        ]
    )
    response.content = cached_body(key, lambda: render_story(slug, mode))
    return response


def render_story(slug: str, mode: SpoilerMode) -> bytes:
    """Return the JSON of what this mode may show of a film's story."""
    view = story_view(queries.published_story(slug), mode)
    return StoryOut.model_validate(view).model_dump_json().encode()


@functools.cache
def story_format() -> str:
    """Return a digest of the story's shape; a changed schema never meets old bodies."""
    schema = json.dumps(StoryOut.model_json_schema(), sort_keys=True)
    return hashlib.blake2b(schema.encode(), digest_size=8).hexdigest()


def spoiler_mode(value: str) -> SpoilerMode:
    """Parse a spoilers parameter with the site's rules, as an API error."""
    try:
        return parse_mode(value)
    except SpoilerModeError as exc:
        raise ApiError("invalid_spoiler_mode", str(exc), "spoilers") from exc


def story_view(story: Story, mode: SpoilerMode) -> dict[str, Any]:
    """Return what this mode may show of a story, with the film and the choices."""
    sections = story.sections
    return {
        **visible_story(sections, mode),
        "film": story.film,
        "spoilers": str(mode),
        "spoiler_choices": [
            {"event": event, "label": label}
            for event, label in event_choices(sections, mode)
        ],
    }


@router.get(
    "/films/{slug}/similar",
    response={200: list[SimilarOut], **SLUG_READ_RESPONSES},
    summary="Films whose stories echo this one, with the reasons the choice allows",
)
def list_similar(
    request: HttpRequest,
    response: HttpResponse,
    slug: Slug,
    spoilers: str = Query("none", max_length=20, description=SPOILERS_HELP),
) -> list[SimilarFilm]:
    """Only films whose own story is published are named, so reasons drawn from
    an unpublished story never leave; a reason that names a character the
    spoiler choice hides is left out."""
    mode = spoiler_mode(spoilers)
    story = queries.published_story(slug)
    similar = list(
        story.similar.with_published_story()
        .prefetch_related(queries.film_prefetch("film"))
        .order_by("rank", "film__slug")
    )
    for item in similar:
        item.reasons = visible_reasons(item.reasons, story.sections, mode)
    set_last_modified(response, story.updated_at)
    return similar


@router.get(
    "/films/{slug}/quiz",
    response={200: QuizOut, **SLUG_READ_RESPONSES},
    summary="A film's quiz questions, without the answers",
)
def get_quiz(
    request: HttpRequest,
    response: HttpResponse,
    slug: Slug,
    spoilers: str = Query("none", max_length=20, description=SPOILERS_HELP),
) -> dict:
    """Only questions the spoiler choice may show, as on the site's quiz page;
    answers are scored under the same choice."""
    mode = spoiler_mode(spoilers)
    story = queries.published_story(slug)
    set_last_modified(response, story.updated_at)
    shown = visible_story(story.sections, mode)
    return {"film": story.film, "questions": questions_without_answers(shown)}


@router.post(
    "/films/{slug}/quiz",
    response={200: QuizResultOut, 404: ErrorOut, **WRITE_RESPONSES},
    summary="Score quiz answers and show the corrections",
)
def answer_quiz(
    request: HttpRequest,
    slug: Slug,
    payload: QuizAnswersIn,
    spoilers: str = Query("none", max_length=20, description=SPOILERS_HELP),
) -> QuizResult:
    check_rate(request, "quiz")
    mode = spoiler_mode(spoilers)
    shown = visible_story(queries.published_story(slug).sections, mode)
    return score_quiz(shown, dict(enumerate(payload.answers)))
