"""The `setting` component: when and where, as the plot states it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from plotguide.engine.doc import Entity, Sentence, StoryDoc, Token
from plotguide.engine.places import PlaceMention, named_places, strip_article
from plotguide.engine.registry import component
from plotguide.engine.story import NOT_STATED, Setting, SettingItem

MAX_LOCATIONS = 3
OPENING_SENTENCES = 5
PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
# Things a year before them dates as made or done then, not the story's time.
WORK_NOUNS = frozenset(
    [
        "book", "novel", "film", "movie", "picture", "song", "album", "play",
        "poem", "painting", "edition", "version", "classic", "original", "fleet",
        "model", "demonstration", "recording", "broadcast", "documentary",
    ]
)  # fmt: skip
PERIOD = re.compile(
    r"\b(1[0-9]{3}|20[0-9]{2})s?\b|\b(\d{1,2}(st|nd|rd|th)|[a-z]+th)[ -]century\b|"
    r"\b(civil war|world war (i{1,2}|one|two)|first world war|second world war|"
    r"cold war|great depression|prohibition|victorian|edwardian|medieval|"
    r"middle ages|renaissance|ice age|stone age|roaring twenties|vietnam war|"
    r"regency|elizabethan|napoleonic|ancient rome|ancient greece)\b",
    re.IGNORECASE,
)


@component("setting", requires=("sentences", "characters"))
def build_setting(doc: StoryDoc) -> StoryDoc:
    """Return the stated period and up to three locations, each with evidence.

    Nothing is guessed from the release year: a film made in 1991 may be set
    in 1944, and a wrong period is worse than "not stated".
    """
    sentences = doc.sentences or ()
    places = named_places(
        sentences, doc.characters or (), doc.film.title, doc.film.cast
    )
    return replace(doc, setting=Setting(_period(sentences), _locations(places)))


def _period(sentences: tuple[Sentence, ...]) -> SettingItem:
    """The first stated date of the plot's opening: a year met halfway through
    is a flashback or a memory ("In 1974, Howard Stark records ..." in Iron
    Man 2), not when the story is set."""
    sentences = sentences[: max(OPENING_SENTENCES, len(sentences) // 4)]
    for sentence in sentences:
        for entity in sentence.entities:
            if (
                entity.label == "DATE"
                and PERIOD.search(entity.text)
                and not _dates_a_thing(sentence, entity)
            ):
                return SettingItem(strip_article(entity.text), (sentence.id,))
    for sentence in sentences:
        match = PERIOD.search(sentence.text)
        if (
            match
            and not match.group(1)
            and not any(
                match.group(0) in entity.text and _dates_a_thing(sentence, entity)
                for entity in sentence.entities
            )
        ):
            return SettingItem(match.group(0), (sentence.id,))
    return SettingItem(NOT_STATED)


def _dates_a_thing(sentence: Sentence, entity: Entity) -> bool:
    """True for a year that dates a work or a thing, not the story: "the
    original 1921 DeForest Phonofilm demonstration", "the 1943 classic book",
    "1927's The Jazz Singer", "mourning portraits taken in the 19th
    century". A year before a place or an event is the story's ("In 1981
    San Francisco", "the 1972 Munich Olympics")."""
    tokens = sentence.tokens
    if _dates_a_participle(tokens, entity):
        return True
    if entity.end - entity.start != 1:
        return False
    token = tokens[entity.start]
    head = tokens[token.head]
    if token.dep == "poss":  # "1830's London" is the story's, "1927's hit" not
        return head.ent not in PLACE_LABELS
    return (
        token.dep in ("nummod", "compound", "amod")
        and token.head > entity.start
        and head.lemma.lower() in WORK_NOUNS
    )


def _dates_a_participle(tokens: tuple[Token, ...], entity: Entity) -> bool:
    """True for a date that says when a thing was made or done, in a past
    participle after its noun: The Others is set in 1945, not when the
    "portraits taken in the 19th century" were taken."""
    inside = range(entity.start, entity.end)
    top = next((i for i in inside if tokens[i].head not in inside), entity.start)
    preposition = tokens[tokens[top].head]
    verb = tokens[preposition.head]
    return (
        tokens[top].dep == "pobj"
        and preposition.dep == "prep"
        and verb.dep == "acl"
        and verb.tag == "VBN"
    )


def _locations(places: list[PlaceMention]) -> tuple[SettingItem, ...]:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for place in places:
        counts[place.name] += 1
        first.setdefault(place.name, place.sentence)
    ranked = sorted(counts, key=lambda v: (-counts[v], first[v]))[:MAX_LOCATIONS]
    if not ranked:
        return (SettingItem(NOT_STATED),)
    return tuple(SettingItem(value, (first[value],)) for value in ranked)
