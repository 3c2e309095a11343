"""Named places of a plot: one definition for the setting and the quiz.

The small parser labels many things places: a character ("Sergeant Jericho"),
the film's own title ("C.H.U.D.s"), a capitalised first word ("Story"), a
villain the credits do not list ("Voldemort wanted ..."), half of a shop's
name ("Borgin" of "Borgin and Burkes"), a title or a creature ("Keeper of the
Gryffindor Quidditch team", "a horde of Inferi"), a language ("insulted in
Franglais"). So a name is a place only where the plot puts someone there at
least once: after "in", "at", "to", "from" and the like, or as what someone
visits, reaches or leaves. Both the setting and the quiz's wrong answers read
this list, so neither offers a person or a title as a place, and a possessive
never reaches a reader ("New York City's").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plotguide.engine.credits import name_word, read_cast
from plotguide.engine.doc import Entity, Sentence, Token
from plotguide.engine.film import CastCredit
from plotguide.engine.story import Character
from plotguide.engine.text import HUMAN_NOUNS, same_spelling

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Verbs whose subject is a person, never a place: a "place" that wants,
# tells or kills something is a character the parser mislabelled.
PERSON_VERBS = frozenset({
    "agree", "ask", "believe", "decide", "discover", "explain", "find", "kill",
    "know", "learn", "love", "marry", "meet", "order", "plan", "promise",
    "realise", "realize", "refuse", "reveal", "say", "tell", "try", "want",
})  # fmt: skip
LOCATIVE_PREPOSITIONS = frozenset({
    "above", "across", "along", "around", "at", "behind", "beyond", "from", "in",
    "inside", "into", "near", "on", "onto", "outside", "through",
    "throughout", "to", "toward", "towards", "via", "within",
})  # fmt: skip
# Verbs whose object is a place the story is in; "captures Warsaw" and
# "liberating Warsaw" put The Pianist there.
MOVEMENT_VERBS = frozenset({
    "enter", "explore", "flee", "invade", "leave", "reach", "return", "tour",
    "visit", "capture", "occupy", "liberate", "besiege", "evacuate", "bomb",
})  # fmt: skip
# Verbs of speech: the "in" after them names a language ("insulted in mangled
# Franglais", "speaks in Latin"), not where it is said.
SPEECH_VERBS = frozenset({
    "say", "speak", "talk", "insult", "taunt", "mock", "curse", "swear", "shout",
    "yell", "whisper", "mutter", "reply", "answer", "respond", "converse",
    "communicate",
})  # fmt: skip
# "the town of X", and the parts of a place: "the slums of the East End",
# "the rooftops of London", "the streets of Paris", "the outskirts of Rome".
PLACE_NOUNS = frozenset({
    "city", "country", "county", "district", "island", "kingdom", "land",
    "neighborhood", "neighbourhood", "planet", "province", "region", "state",
    "suburb", "town", "valley", "village", "street", "outskirts", "slum",
    "rooftop", "edge", "heart", "centre", "center", "end", "capital",
    "community",
})  # fmt: skip
_ARTICLE = re.compile(r"^(the|a|an) ", re.IGNORECASE)
# "Taken 2", "Rocky III", "Saw Part 3": the series' first film names no place
# ("After the events in Paris in Taken").
_SEQUEL_NUMBER = re.compile(r"\s+(?:part\s+)?(?:\d+|[ivx]+)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class PlaceMention:
    """A place as one sentence names it: its name and the words as written."""

    name: str
    sentence: int
    written: str
    entity_start: int
    entity_end: int


def named_places(
    sentences: tuple[Sentence, ...],
    characters: tuple[Character, ...] = (),
    title: str = "",
    cast: tuple[CastCredit, ...] = (),
) -> list[PlaceMention]:
    """Return every mention of a named place, in plot order.

    A one-word place that a credit names as a person's and that owns
    something ("Hagrid" of "sets fire to Hagrid's hut") is theirs, even when
    the plot names them too seldom to be a character; "on Mars" stays a
    place beside a credited "Big Daddy Mars"."""
    name_words = {
        word
        for character in characters
        for form in (character.name, *character.aliases)
        for word in form.split()
    }
    credited = {
        w for read in read_cast(cast) for part in read.parts for w in part.words
    }
    people_words = _people_words(sentences)
    title_keys = {_letters(title), _letters(_SEQUEL_NUMBER.sub("", title))} - {""}
    found = []
    located: set[str] = set()
    for sentence in sentences:
        for entity in sentence.entities:
            if entity.label not in PLACE_LABELS:
                continue
            written = _POSSESSIVE.sub("", entity.text.strip())
            name = strip_article(written)
            if (
                not name
                or set(name.split()) & name_words
                or (
                    " " not in name
                    and name_word(name) in credited
                    and _owns(sentence, entity.end)
                )
                or _spelt_like_a_name(name, name_words)
                or set(name.split()) <= people_words
                or _letters(name).rstrip("s") in {k.rstrip("s") for k in title_keys}
                or _cut_from_longer_name(sentence, entity.end)
                or _inside_the_title(sentence, entity, title)
            ):
                continue
            found.append(
                PlaceMention(name, sentence.id, written, entity.start, entity.end)
            )
            if _is_put_there(sentence, entity.start, entity.end):
                located.add(name)
    return _without_lone_openers([p for p in found if p.name in located])


def _spelt_like_a_name(name: str, name_words: set[str]) -> bool:
    """Whether a one-word place is a character's name misspelt: Pinocchio's
    plot writes "Gepetto" once for Geppetto."""
    return " " not in name and any(same_spelling(word, name) for word in name_words)


def _people_words(sentences: tuple[Sentence, ...]) -> set[str]:
    """Return the words the plot uses for people: inside a PERSON entity, the
    proper-noun subject of a verb only a person does, a name beside a person
    noun ("an epileptic son, Mackenzie", which the parser calls a place), or
    one in a list of people ("Kid, Play, Bilal and Jamal")."""
    words: set[str] = set()
    for sentence in sentences:
        people: set[int] = set()
        for entity in sentence.entities:
            if entity.label == "PERSON":
                words.update(_POSSESSIVE.sub("", entity.text).split())
                people.update(range(entity.start, entity.end))
        for index, token in enumerate(sentence.tokens):
            head = sentence.tokens[token.head].lemma.lower()
            if token.pos == "PROPN" and (
                (token.dep in ("nsubj", "nsubjpass") and head in PERSON_VERBS)
                or (token.dep == "appos" and head in HUMAN_NOUNS)
                or (token.dep == "conj" and token.head in people - {index})
            ):
                words.add(token.text)
    return words


def _is_put_there(sentence: Sentence, start: int, end: int) -> bool:
    """True when the span is where someone is or goes: the object of "in",
    "to", "from"..., of "the town of", or of "visit", "reach", "leave"..."""
    tokens = sentence.tokens
    root = next(
        (i for i in range(start, end) if not start <= tokens[i].head < end), None
    )
    return root is not None and _located(tokens, root, 0)


def _located(tokens: tuple[Token, ...], index: int, depth: int) -> bool:
    token = tokens[index]
    head = tokens[token.head]
    if token.dep == "pobj":
        preposition = head.text.lower()
        if preposition == "in" and tokens[head.head].lemma.lower() in SPEECH_VERBS:
            return False
        return preposition in LOCATIVE_PREPOSITIONS or (
            preposition == "of" and tokens[head.head].lemma.lower() in PLACE_NOUNS
        )
    if token.dep == "dobj":
        return head.lemma.lower() in MOVEMENT_VERBS
    # "Port Ellis, Maine", "in Paris and London", "in New York City's
    # tunnels", "in a small Texas town": as placed as its head.
    if token.dep in ("appos", "npadvmod", "conj", "poss", "compound") and depth < 3:
        return token.head != index and _located(tokens, token.head, depth + 1)
    return False


def _inside_the_title(sentence: Sentence, entity: Entity, title: str) -> bool:
    """True for the "Boots" of "Puss in Boots is a talking cat": a place word
    that the film's own name, written in the sentence, holds."""
    words = title.split()
    if len(words) < 2:
        return False
    texts = [token.text for token in sentence.tokens]
    for start in range(max(0, entity.end - len(words)), entity.start + 1):
        if texts[start : start + len(words)] == words:
            return start + len(words) >= entity.end
    return False


def _owns(sentence: Sentence, end: int) -> bool:
    """True when the span ends on, or is followed by, "'s": "Hagrid's hut"."""
    tokens = sentence.tokens
    return any(
        i < len(tokens) and tokens[i].text in ("'s", "’s") for i in (end - 1, end)
    )


def _cut_from_longer_name(sentence: Sentence, end: int) -> bool:
    """True when the entity is the first half of a name ("Borgin" and Burkes)."""
    tokens = sentence.tokens
    return (
        end + 1 < len(tokens)
        and tokens[end].text in ("and", "&")
        and tokens[end + 1].pos == "PROPN"
    )


def strip_article(text: str) -> str:
    """Return the text without a leading "the", "a" or "an"."""
    return _ARTICLE.sub("", text.strip())


def _without_lone_openers(found: list[PlaceMention]) -> list[PlaceMention]:
    """Drop one-word places seen only as a sentence's first word ("Story")."""
    inside = {p.name for p in found if p.entity_start > 0 or " " in p.name}
    return [p for p in found if p.name in inside]


def _letters(text: str) -> str:
    return "".join(char for char in text.lower() if char.isalnum())
