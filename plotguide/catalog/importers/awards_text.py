"""The one-line awards summary of OMDb and its copies ("Won 4 Oscars. ...")."""

from __future__ import annotations

import re

from plotguide.catalog.importers.records import NOMINATED, WON, AwardRecord

OTHER_AWARDS = "Other awards"

# OMDb names only these ceremonies; every other award is in "Another N wins".
CEREMONIES = {
    "oscar": "Academy Awards",
    "golden globe": "Golden Globe Awards",
    "bafta film award": "BAFTA Film Awards",
    "primetime emmy": "Primetime Emmy Awards",
}

_NAMED = re.compile(
    r"\b(?P<verb>won|nominated\s+for)\s+(?P<count>\d+)\s+(?P<name>[a-z][a-z .'-]*?)s?"
    r"\s*(?:[.;,&]|$)",
    re.I,
)
_OTHERS = re.compile(
    r"(?:\banother\s+)?\b(?P<count>\d+)\s+(?P<kind>wins?|nominations?)\b", re.I
)


def parse_awards(text: str | None, year: int | None = None) -> tuple[AwardRecord, ...]:
    """Return the award counts the summary states; unknown text gives none.

    Named ceremonies become their full name ("Oscar" -> "Academy Awards");
    the trailing "Another 3 wins & 5 nominations" becomes "Other awards".
    """
    text = (text or "").strip()
    if not text or text.upper() == "N/A":
        return ()
    awards = []
    rest = text
    for match in _NAMED.finditer(text):
        ceremony = CEREMONIES.get(" ".join(match["name"].lower().split()))
        if ceremony is None:
            continue
        outcome = WON if match["verb"].lower() == "won" else NOMINATED
        awards.append(AwardRecord(ceremony, outcome, year=year, count=_count(match)))
        rest = rest.replace(match.group(), " ", 1)
    for match in _OTHERS.finditer(rest):
        outcome = WON if match["kind"].lower().startswith("win") else NOMINATED
        awards.append(
            AwardRecord(OTHER_AWARDS, outcome, year=year, count=_count(match))
        )
    return tuple(award for award in awards if award.count > 0)


def _count(match: re.Match[str]) -> int:
    return int(match["count"])
