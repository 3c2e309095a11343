"""Similar films from the catalogue's metadata, for a film without a story.

A story's similar films are compared by their plots and stored; a film with
no story has only its metadata, so its page scores them when it renders (the
page is then cached). Only films sharing the director, a billed actor or a
keyword are candidates; a rare keyword counts more than a common one, and
shared genres only add to a candidate's score, since thousands of films are
dramas.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from plotguide.catalog.models import Credit, Film
from plotguide.site.film_facts import Crew

SIMILAR_MAX = 12
CANDIDATES = 200
BILLED_ACTORS = 6
DIRECTOR_WEIGHT = 1.5
ACTOR_WEIGHT = 1.0
GENRE_WEIGHT = 0.4
MINIMUM_SCORE = 1.5
REASON_NAMES = 3


@dataclass
class MetadataMatch:
    """A similar film and, in a few words, what it shares with this one."""

    film: Film
    score: float = 0.0
    directors: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    genres: list[str] = field(default_factory=list)

    @property
    def reasons(self) -> list[str]:
        reasons = []
        if self.directors:
            reasons.append(_("also directed by %s") % _names(self.directors))
        if self.actors:
            reasons.append(_("also with %s") % _names(self.actors))
        if self.keywords:
            reasons.append(_("keywords: %s") % _names(self.keywords).lower())
        if self.genres:
            reasons.append(_("genres: %s") % _names(self.genres).lower())
        return reasons


def _names(names: list[str]) -> str:
    return ", ".join(names[:REASON_NAMES])


def metadata_similar(film: Film, crew: Crew) -> list[MetadataMatch]:
    """Return up to SIMILAR_MAX films that share the most with this one."""
    matches: dict[int, MetadataMatch] = {}

    def match(film_id: int) -> MetadataMatch:
        return matches.setdefault(film_id, MetadataMatch(film=Film(pk=film_id)))

    _add_people(film, crew, match)
    _add_keywords(film, match)
    best = sorted(matches.values(), key=lambda m: -m.score)[:CANDIDATES]
    _add_genres(film, best)
    films = Film.objects.only("title", "year", "slug", "popularity").in_bulk(
        [m.film.pk for m in best]
    )
    for item in best:
        item.film = films[item.film.pk]
    ranked = sorted(
        (item for item in best if item.score >= MINIMUM_SCORE),
        key=lambda m: (-m.score, -(m.film.popularity or 0), m.film.pk),
    )
    return ranked[:SIMILAR_MAX]


def _add_people(film: Film, crew: Crew, match) -> None:
    directors = {person.pk: person.name for person in crew.directors}
    actors = {credit.person_id: credit.person.name for credit in crew.billed}
    actors = dict(list(actors.items())[:BILLED_ACTORS])
    # The lead counts most: a shared star says more than a shared supporting part.
    billing = {person_id: 1 / (1 + place / 4) for place, person_id in enumerate(actors)}
    shared = (
        Credit.objects.filter(person_id__in=[*directors, *actors])
        .exclude(film_id=film.pk)
        .values_list("film_id", "person_id", "role")
    )
    for film_id, person_id, role in shared:
        if role == Credit.DIRECTOR and person_id in directors:
            found = match(film_id)
            if directors[person_id] not in found.directors:
                found.directors.append(directors[person_id])
                found.score += DIRECTOR_WEIGHT
        elif role == Credit.CAST and person_id in actors:
            found = match(film_id)
            if actors[person_id] not in found.actors:
                found.actors.append(actors[person_id])
                found.score += ACTOR_WEIGHT * billing[person_id]


def _add_keywords(film: Film, match) -> None:
    """Score shared keywords by rarity: log(N/df) / log(N), between 0 and 1.

    The rarest keyword is named first: it says most about what films share.
    """
    through = Film.keywords.through
    names = dict(film.keywords.values_list("pk", "name"))
    if not names:
        return
    usage = dict(
        through.objects.filter(keyword_id__in=names)
        .values_list("keyword_id")
        .annotate(films=Count("pk"))
    )
    total = max(through.objects.values("film_id").distinct().count(), 2)
    weights = {
        keyword: math.log(total / usage[keyword]) / math.log(total)
        for keyword in names
        if usage.get(keyword, 0) > 1
    }
    shared = (
        through.objects.filter(keyword_id__in=weights)
        .exclude(film_id=film.pk)
        .values_list("film_id", "keyword_id")
    )
    for film_id, keyword_id in sorted(shared, key=lambda row: usage[row[1]]):
        found = match(film_id)
        found.keywords.append(names[keyword_id])
        found.score += weights[keyword_id]


def _add_genres(film: Film, candidates: list[MetadataMatch]) -> None:
    names = dict(film.genres.values_list("pk", "name"))
    if not names or not candidates:
        return
    by_id = {item.film.pk: item for item in candidates}
    shared = Film.genres.through.objects.filter(
        film_id__in=by_id, genre_id__in=names
    ).values_list("film_id", "genre_id")
    for film_id, genre_id in shared:
        by_id[film_id].genres.append(names[genre_id])
        by_id[film_id].score += GENRE_WEIGHT
