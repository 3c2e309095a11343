"""Checks of written sentences that the offline engine's checks do not need.

The offline engine copies or trims its sources, so it cannot lose a "not" or a
"nearly"; a model can. A written sentence must not add negation, modality or
hedging its sources lack, must not state a fate ("dies", "is killed") when
its sources hedge it ("nearly dies", "tries to kill", "believes she is dead"),
and must not describe one person with what its sources say of another
(attribution.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from plotguide.engine.assertion import HEDGES, MODALS
from plotguide.engine.compress import MAX_EVENT_WORDS
from plotguide.engine.doc import ParsedSentence
from plotguide.engine.story import Line, Story
from plotguide.engine.text import words
from plotguide.engine.writer.attribution import misattributed, people_index

NEGATIONS = frozenset(["not", "never", "no", "nobody", "nothing", "neither", "nor"])
CUES = NEGATIONS | MODALS | HEDGES
FATE = re.compile(
    r"\b(di(e|es|ed)|dead|death|kill(s|ed)?|murder(s|ed)?|arrest(s|ed)?|"
    r"execut(es|ed)|shot|drown(s|ed)|escap(es|ed)|surviv(es|ed)|marr(y|ies|ied))\b",
    re.I,
)
# A fate word is stated by its sources only if they use a word of its family.
FAMILIES = {
    prefix: family
    for family in (
        {"die", "dea"},
        {"kil"},
        {"mur"},
        {"arr"},
        {"exe"},
        {"sho"},
        {"dro"},
        {"esc"},
        {"sur"},
        {"mar"},
    )
    for prefix in family
}
TITLE_WORDS = 8  # the model is asked for 2 to 6; a little slack
DESCRIPTION_WORDS = MAX_EVENT_WORDS  # an event's line, as the offline engine's
TRAPS = re.compile(
    r"\b(not|never|nearly|almost|barely|narrowly|tr(y|ies|ied)|attempts?|plans?|"
    r"believes?|believed|thinks?|presumed|pretends?|fakes?|faked|if|unless|would|"
    r"could|might|may|threatens?|apparently|seemingly|supposedly)\b",
    re.I,
)


def unstated_modality(line: Line, cited: str) -> Iterator[str]:
    """Yield why the line's claim is not the one its sources make."""
    said = {w.lower() for w in words(cited)}
    added = sorted({w.lower() for w in words(line.text)} & CUES - said)
    if "n't" in line.text and "n't" not in cited:
        added.append("n't")
    if added:
        yield f"adds {', '.join(repr(w) for w in added)}, which its sources lack"
    for match in FATE.finditer(line.text):
        family = FAMILIES[match.group(0).lower()[:3]]
        if not any(w.lower()[:3] in family for w in words(cited)):
            yield f"states {match.group(0)!r}, which its sources do not"
    if FATE.search(line.text):
        hedges = {m.group(0).lower() for m in TRAPS.finditer(cited)}
        lost = sorted(h for h in hedges if not re.search(rf"\b{h}\b", line.text, re.I))
        if lost:
            yield (
                "states a fate its sources qualify with "
                f"{', '.join(repr(w) for w in lost)}"
            )


def too_long(where: str, line: Line) -> Iterator[str]:
    """Yield why a timeline title or event line is longer than the timeline allows.

    A small model copied whole sentences as "titles" of 2 to 6 words.
    """
    count = len(line.text.split())
    if not where.startswith("timeline."):
        return
    if where.endswith(".title") and count > TITLE_WORDS:
        yield f"is {count} words, not a title"
    if ".lines[" in where and count > DESCRIPTION_WORDS:
        yield f"is {count} words, more than {DESCRIPTION_WORDS} for an event's line"


def rejected_drafts(
    story: Story,
    drafts: tuple[tuple[str, Line], ...],
    parse: Callable[[str], ParsedSentence],
) -> dict[str, str]:
    """Return {where: why} for drafts whose claims their cited sentences do not make.

    parse is the offline engine's spaCy parse of one sentence.
    """
    texts = {s.id: s.text for s in story.sentences}
    people = people_index((c.name, c.aliases) for c in story.characters)
    parsed: dict[int, ParsedSentence] = {}
    problems: dict[str, str] = {}
    for where, line in drafts:
        if not line.sources or any(i not in texts for i in line.sources):
            problems[where] = f"cites {list(line.sources)}, not all plot sentences"
            continue
        cited = " ".join(texts[i] for i in line.sources)
        reasons = list(unstated_modality(line, cited))
        for i in line.sources:
            if i not in parsed:
                parsed[i] = parse(texts[i])
        sources = [parsed[i] for i in line.sources]
        reasons += misattributed(parse(line.text), sources, people)
        reasons += too_long(where, line)
        if reasons:
            problems[where] = "; ".join(reasons)
    return problems
