"""Template helpers for reader pages."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext

from plotguide.catalog.models import Award, Film
from plotguide.infra.urls import site_url
from plotguide.site import cards, film_facts

register = template.Library()

# The engine's word for two characters seen together and nothing more.
SHARED_SCENES = "shares scenes"
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(value: Any) -> SafeString:
    """Return JSON safe to place inside <script type="application/ld+json">.

    Imported titles may hold "</script>", so the characters that could end the
    element are written as JSON escapes.
    """
    return mark_safe(json.dumps(value, ensure_ascii=False).translate(_SCRIPT_ESCAPES))


@register.filter
def joined_text(lines: list[dict[str, Any]]) -> str:
    """Return a list of story lines as one paragraph's text (escaped on output)."""
    return " ".join(line["text"] for line in lines)


@register.filter
def relation_lines(relations: list[dict[str, Any]]) -> list[str]:
    """Return "Wife: Sarah" for each named relation and one "Shares scenes with
    Kay and Sarah" for the rest, never the same label once per name."""
    lines = [
        f"{capfirst(relation['kind'])}: {relation['other']}"
        for relation in relations
        if relation["kind"] != SHARED_SCENES
    ]
    shared = [r["other"] for r in relations if r["kind"] == SHARED_SCENES]
    if shared:
        names = get_text_list(shared, gettext("and"))
        lines.append(gettext("Shares scenes with %(names)s") % {"names": names})
    return lines


@register.simple_tag
def query_with(request, **changes: Any) -> str:
    """Return the current query string with some parameters replaced."""
    query = request.GET.copy()
    for name, value in changes.items():
        query[name] = value
    return "?" + query.urlencode()


@register.filter
def award_lines(awards: list[Award]) -> list[str]:
    """Return "Academy Awards: won 1 Oscar (2011)": which award, never a bare count."""
    return film_facts.award_lines(list(awards))


@register.filter
def award_outcome(award: Award) -> str:
    """Return "won 1 Oscar", for a list already headed by its ceremony."""
    return film_facts.award_outcome(award)


@register.filter
def votes(count: int) -> str:
    """Return "11,800 votes"."""
    return film_facts.votes_label(count)


@register.filter
def card_premise(film: Film) -> str:
    """Return the one whole sentence of premise a film's card shows."""
    return cards.card_premise(film)


@register.filter
def first_sentence(text: str) -> str:
    """Return the first sentence of a text, whole."""
    return cards.first_sentence(text)


@register.simple_tag
def absolute_url(path: str) -> str:
    """Return the public address of a path, for link previews."""
    return site_url() + path
