"""What a film's story page shows for one spoiler choice.

Every section is read from `visible_story`, never from the raw story, so a
section cannot show what the reader's choice hides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from plotguide.catalog.models import Film, credits_with_people
from plotguide.infra.urls import site_url
from plotguide.site.film_facts import (
    Crew,
    award_lines,
    crew,
    source_name,
    studios,
)
from plotguide.site.similar import metadata_similar
from plotguide.stories.models import SimilarFilm, Story
from plotguide.stories.spoilers import (
    ALL,
    NONE,
    SpoilerMode,
    event_choices,
    visible_reasons,
)
from plotguide.stories.spoilers import visible_story as spoiler_filter

SIMILAR_MAX = 12
SECTIONS = (
    ("summary", _("Plot summary and ending explained")),
    ("timeline", _("Timeline")),
    ("characters", _("Characters")),
    ("setting", _("Setting")),
    ("themes", _("Themes")),
    ("spoiler_free", _("Spoiler-free summary")),
)
# credits_match_plot bears on every section: a plot told with another
# film's credits is wrong everywhere, so no section may say "all passed".
STORY_CHECKS = ("credits_match_plot",)
SECTION_CHECKS = {
    "summary": ("supported_sentences", "spoiler_boundary", *STORY_CHECKS),
    "timeline": ("timeline_order", "spoiler_boundary", *STORY_CHECKS),
    "characters": ("actors_from_credits", "no_doubled_names", *STORY_CHECKS),
    "setting": ("setting_consistency", *STORY_CHECKS),
    "themes": ("supported_sentences", *STORY_CHECKS),
    "spoiler_free": ("spoiler_boundary", "supported_sentences", *STORY_CHECKS),
}
AFTER_CREDITS = {
    "mid": _("Stay for a mid-credits scene."),
    "post": _("Stay for a post-credits scene."),
    "both": _("Stay for both: a mid-credits scene and a post-credits scene."),
    "none": _("Nothing after the credits: you can leave when they start."),
    "unknown": _("Not known yet."),
}


@dataclass(frozen=True)
class Section:
    """One generated section's heading, provenance and faithfulness checks."""

    name: str
    title: str
    checks: tuple[dict[str, Any], ...]
    is_corrected: bool

    @property
    def is_faithful(self) -> bool:
        return all(check["passed"] for check in self.checks)


def film_with_details(slug: str) -> Film:
    """Return the film and all it shows in a few queries; 404 when unknown."""
    return get_object_or_404(
        Film.objects.select_related("post_credits", "story").prefetch_related(
            credits_with_people(),
            "studios",
            "genres",
            "awards",
        ),
        slug=slug,
    )


def published_story(film: Film) -> Story | None:
    story = getattr(film, "story", None)
    return story if story is not None and story.is_published else None


def story_page(film: Film, mode: SpoilerMode) -> dict[str, Any]:
    """Return the template context of a film's page for one spoiler choice."""
    story = published_story(film)
    shown = spoiler_filter(story.sections, mode) if story else None
    people = crew(film)
    canonical = site_url() + film.get_absolute_url()
    if mode.name == ALL:
        canonical += "?spoilers=all"
    return {
        "film": film,
        "story": story,
        "shown": shown,
        "mode": str(mode),
        "mode_name": mode.name,
        "spoiler_choices": spoiler_choices(story, mode) if story else [],
        "sections": sections(story) if story else {},
        "crew": people,
        "studios": studios(film),
        "awards": award_lines(list(film.awards.all())),
        "premise": premise(film) if story is None else None,
        "after_credits": after_credits(film, shown),
        "similar": (
            similar_films(story, mode) if story else metadata_similar(film, people)
        ),
        "has_quiz": bool(story and story.sections.get("quiz", {}).get("questions")),
        "quiz_url": f"{reverse('site:film_quiz', args=[film.slug])}?spoilers={mode}",
        "canonical_url": canonical,
        "description": description(film, shown),
        "json_ld": movie_json_ld(film, canonical, shown, people),
    }


def premise(film: Film) -> dict[str, str] | None:
    """Return the source's short premise of a film that has no story yet."""
    if not film.overview:
        return None
    url = ""
    if film.tmdb_id and (film.field_sources or {}).get("overview") == "tmdb":
        url = f"https://www.themoviedb.org/movie/{film.tmdb_id}"
    return {
        "text": film.overview,
        "source": source_name(film, "overview") or str(_("the catalogue")),
        "url": url,
    }


def spoiler_choices(story: Story, mode: SpoilerMode) -> list[tuple[str, str]]:
    """Return the values a reader can pick, least to most revealing."""
    choices = event_choices(story.sections, mode)
    events = [(f"upto:{n}", label) for n, label in choices]
    return [
        (NONE, str(_("No spoilers"))),
        *events,
        (ALL, str(_("Everything, ending included"))),
    ]


def sections(story: Story) -> dict[str, Section]:
    by_name = {check["name"]: check for check in story.report}
    corrected = set(story.corrections or {})
    return {
        name: Section(
            name=name,
            title=str(title),
            checks=tuple(
                by_name[check] for check in SECTION_CHECKS[name] if check in by_name
            ),
            is_corrected=name in corrected,
        )
        for name, title in SECTIONS
    }


def after_credits(film: Film, shown: dict[str, Any] | None) -> dict[str, str]:
    """Return what to expect after the credits; "not known yet", never a guess."""
    if shown is not None:
        section = shown.get("after_credits") or {}
        kind, text = section.get("kind", "unknown"), section.get("text", "")
        source = section.get("source", "")
    else:
        fact = getattr(film, "post_credits", None)
        kind = fact.kind if fact else "unknown"
        text, source = (fact.description, fact.source) if fact else ("", "")
    kind = kind if kind in AFTER_CREDITS else "unknown"
    if kind == "unknown" or text == AFTER_CREDITS["unknown"]:
        text = ""
    return {
        "kind": kind,
        "message": str(AFTER_CREDITS[kind]),
        "text": text,
        "source": source,
    }


def similar_films(story: Story, mode: SpoilerMode) -> list[SimilarFilm]:
    """Return the similar films a reader may follow: those with a published story,
    each with the reasons this spoiler choice may show (read, never saved)."""
    similar = story.similar.with_published_story()
    items = list(similar.select_related("film")[:SIMILAR_MAX])
    for item in items:
        item.reasons = visible_reasons(item.reasons, story.sections, mode)
    return items


def description(film: Film, shown: dict[str, Any] | None) -> str:
    """Return a spoiler-free description for search engines and link previews.

    A film without a story (shown is None) is described by its premise: the
    generic line would promise a plot summary the page does not have.
    """
    if shown is None:
        if film.overview:
            return whole_sentences(film.overview, DESCRIPTION_CHARS)
        return str(_("Cast, facts and awards of %(film)s.") % {"film": film})
    lines = shown.get("spoiler_free", {}).get("lines", [])
    text = " ".join(line["text"] for line in lines)
    if text:
        return whole_sentences(text, DESCRIPTION_CHARS)
    return str(
        _("The plot summary, ending explained, characters and themes of %(film)s.")
        % {"film": film}
    )


DESCRIPTION_CHARS = 300


def whole_sentences(text: str, limit: int) -> str:
    """Return the text cut at a sentence end within ``limit`` characters.

    A preview that stops at "The st" reads broken; the first sentence is kept
    whole even when it alone is longer, cut at a word with an ellipsis.
    """
    if len(text) <= limit:
        return text
    ends = [m.end() for m in re.finditer(r"[.!?][\"”']?(?=\s)", text[: limit + 1])]
    if ends:
        return text[: ends[-1]]
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def movie_json_ld(
    film: Film, url: str, shown: dict[str, Any] | None, people: Crew | None = None
) -> dict[str, Any]:
    """Return schema.org Movie data for the page."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Movie",
        "name": film.title,
        "url": url,
        "description": description(film, shown),
    }
    if film.year:
        data["dateCreated"] = str(film.year)
    if film.release_date:
        data["datePublished"] = film.release_date.isoformat()
    if film.runtime_minutes:
        data["duration"] = f"PT{film.runtime_minutes}M"
    people = people or crew(film)
    names_by_field = [
        ("director", [person.name for person in people.directors]),
        ("author", [person.name for person in people.writers]),
        ("actor", [credit.person.name for credit in people.cast_shown]),
    ]
    for field, names in names_by_field:
        if names:
            data[field] = [{"@type": "Person", "name": name} for name in names]
    companies = [studio.name for studio in studios(film)]
    if companies:
        data["productionCompany"] = [
            {"@type": "Organization", "name": name} for name in companies
        ]
    genres = [genre.name for genre in film.genres.all()]
    if genres:
        data["genre"] = genres
    if film.vote_average is not None and film.vote_count:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": film.vote_average,
            "bestRating": 10,
            "ratingCount": film.vote_count,
        }
    return data
