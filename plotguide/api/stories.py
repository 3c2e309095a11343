"""A film's story under the reader's spoiler choice, its similar films, its quiz.

The spoiler rules are the site's own (plotguide.stories.spoilers): what a mode
hides is cut from the data before it is serialised, never merely flagged.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from plotguide.api import queries
from plotguide.api.caching import set_last_modified
from plotguide.api.errors import ApiError, ErrorOut
from plotguide.api.params import Slug
from plotguide.api.ratelimit import check_rate
from plotguide.api.story_schemas import (
    QuizAnswersIn,
    QuizOut,
    QuizResultOut,
    SimilarOut,
    StoryOut,
)
from plotguide.errors import PlotguideError
from plotguide.stories.models import SimilarFilm, Story
from plotguide.stories.quiz import QuizResult, questions_without_answers, score_quiz
from plotguide.stories.spoilers import (
    SpoilerMode,
    event_choices,
    parse_mode,
    visible_story,
)

router = Router(tags=["stories"])

READ_ERRORS = {404: ErrorOut, 422: ErrorOut}
SPOILERS_HELP = (
    "'none' (the default: premise, setting and who is who), 'upto:<event>' "
    "(everything through that timeline event, counting from 0; see "
    "spoiler_choices) or 'all'."
)


@router.get(
    "/films/{slug}/story",
    response={200: StoryOut, **READ_ERRORS},
    summary="A film's story, cut at the reader's spoiler choice",
)
def get_story(
    request: HttpRequest,
    response: HttpResponse,
    slug: Slug,
    spoilers: str = Query("none", max_length=20, description=SPOILERS_HELP),
) -> dict[str, Any]:
    mode = spoiler_mode(spoilers)
    story = queries.published_story(slug)
    set_last_modified(response, story.updated_at, story.film.updated_at)
    return story_view(story, mode)


def spoiler_mode(value: str) -> SpoilerMode:
    """Parse a spoilers parameter with the site's rules, as an API error."""
    try:
        return parse_mode(value)
    except PlotguideError as exc:
        raise ApiError("invalid_spoiler_mode", str(exc), "spoilers") from exc


def story_view(story: Story, mode: SpoilerMode) -> dict[str, Any]:
    """Return what this mode may show of a story, with the film and the choices."""
    sections = story.sections
    return {
        **visible_story(sections, mode),
        "film": story.film,
        "spoilers": str(mode),
        "spoiler_choices": [
            {"event": event, "label": label} for event, label in event_choices(sections)
        ],
    }


@router.get(
    "/films/{slug}/similar",
    response={200: list[SimilarOut], **READ_ERRORS},
    summary="Films whose stories echo this one, with the reasons",
)
def list_similar(
    request: HttpRequest, response: HttpResponse, slug: Slug
) -> list[SimilarFilm]:
    """Only films whose own story is published are named, so reasons drawn from
    an unpublished story never leave."""
    story = queries.published_story(slug)
    similar = (
        story.similar.filter(film__story__status=Story.PUBLISHED)
        .prefetch_related(queries.film_prefetch("film"))
        .order_by("rank", "film__slug")
    )
    set_last_modified(response, story.updated_at)
    return list(similar)


@router.get(
    "/films/{slug}/quiz",
    response={200: QuizOut, **READ_ERRORS},
    summary="A film's quiz questions, without the answers",
)
def get_quiz(request: HttpRequest, response: HttpResponse, slug: Slug) -> dict:
    story = queries.published_story(slug)
    set_last_modified(response, story.updated_at)
    return {"film": story.film, "questions": questions_without_answers(story.sections)}


@router.post(
    "/films/{slug}/quiz",
    response={200: QuizResultOut, 400: ErrorOut, 429: ErrorOut, **READ_ERRORS},
    summary="Score quiz answers and show the corrections",
)
def answer_quiz(request: HttpRequest, slug: Slug, payload: QuizAnswersIn) -> QuizResult:
    check_rate(request, "quiz")
    story = queries.published_story(slug)
    return score_quiz(story.sections, dict(enumerate(payload.answers)))
