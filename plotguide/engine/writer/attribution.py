"""A description must describe, in the sources, the person it describes when written.

A model can keep every word of its sources and still move a fact from one person
to another: "Cameron James, a new student at Padua High School, is given a tour"
became "Bianca Stratford and Kat, a new student at Padua High School". The word
checks cannot see it. Here the written sentence's appositives and relative
clauses that describe a named person are read from spaCy's parse; each of their
words is found in the cited sentences, and the person nearest to it in that
parse (fewest dependency arcs) is who the sources say it describes. A
description whose words the sources attach to other people, never to the
written person, is rejected.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from plotguide.engine.doc import ParsedSentence, Token
from plotguide.engine.text import STOPWORDS

DESCRIBING = frozenset(["appos", "relcl", "acl"])
# A pronoun may stand for the written person: a word nearest to one is no
# evidence against it.
PRONOUNS = frozenset(
    ["he", "she", "him", "her", "his", "hers", "himself", "herself", "they", "them"]
)
NAME_DEPS = frozenset(["compound", "flat", "nmod"])
Person = frozenset[str]  # the names of the characters a mention may be


def people_index(
    characters: Iterable[tuple[str, Iterable[str]]],
) -> dict[str, frozenset[str]]:
    """Return {word of a name or alias: the characters it may name}.

    characters are (name, aliases) pairs: "Kat" names Kat Stratford.
    """
    index: dict[str, set[str]] = {}
    for name, aliases in characters:
        for word in {w for alias in (name, *aliases) for w in alias.split()}:
            if word[:1].isupper() and word.lower() not in STOPWORDS:
                index.setdefault(word, set()).add(name)
    return {word: frozenset(held) for word, held in index.items()}


def mentions(
    sentence: ParsedSentence, people: Mapping[str, frozenset[str]]
) -> dict[int, Person]:
    """Return {index of a mention's head token: whom it may name}.

    A mention is a name word with the name words that attach to it (Bianca in
    "Bianca Stratford"); it may name the characters whose names hold all of them.
    """
    found: dict[int, Person] = {}
    for i, token in enumerate(sentence):
        if token.text not in people:
            continue
        head = token.head if token.dep in NAME_DEPS else i
        if head != i and sentence[head].text in people:
            continue  # a part of the head's mention
        words = [
            t.text
            for t in sentence
            if t.text in people and t.head == i and t.dep in NAME_DEPS
        ] + [token.text]
        names = frozenset.intersection(*(people[w] for w in words))
        found[i] = names or people[token.text]
    return found


def depths(sentence: ParsedSentence) -> list[list[int]]:
    """Return each token's path to the root, itself first."""
    paths = []
    for i in range(len(sentence)):
        path = [i]
        while sentence[path[-1]].head != path[-1] and len(path) <= len(sentence):
            path.append(sentence[path[-1]].head)
        paths.append(path)
    return paths


def distance(paths: list[list[int]], a: int, b: int) -> int:
    """Return the number of dependency arcs between tokens a and b."""
    on_a = {node: n for n, node in enumerate(paths[a])}
    for n, node in enumerate(paths[b]):
        if node in on_a:
            return on_a[node] + n
    return len(paths)  # no common ancestor: as far as can be


def content(token: Token) -> bool:
    return token.text[:1].isalnum() and token.text.lower() not in STOPWORDS


def described(
    sentence: ParsedSentence, people: Mapping[str, frozenset[str]]
) -> Iterator[tuple[Person, str, set[str], set[str]]]:
    """Yield (person, description, its words, people it names) per description.

    A description of one of several people joined by "and" may describe them
    all ("Manray and Womack -- homeless squatters"). The people a description
    names ("the plantation Sethe had escaped from") are not who it describes,
    whatever its words sit nearest to.
    """
    named = mentions(sentence, people)
    paths = depths(sentence)
    for i, token in enumerate(sentence):
        if token.dep not in DESCRIBING or token.head not in named:
            continue
        person = frozenset(
            name for j in conjoined(sentence, token.head) for name in named.get(j, ())
        )
        subtree = [j for j in range(len(sentence)) if i in paths[j]]
        words = {
            sentence[j].lemma.lower()
            for j in subtree
            if content(sentence[j]) and sentence[j].text not in people
        }
        text = " ".join(sentence[j].text for j in subtree)
        inside = {name for j in subtree if j in named for name in named[j]}
        if words:
            yield person, text, words, inside - person


def conjoined(sentence: ParsedSentence, start: int) -> set[int]:
    """Return the tokens joined to start by "and" (conj arcs), start among them."""
    group = {start}
    while True:
        arcs = [(i, t.head) for i, t in enumerate(sentence) if t.dep == "conj"]
        more = {end for arc in arcs if set(arc) & group for end in arc} - group
        if not more:
            return group
        group |= more


def nearest(
    word: str,
    sources: list[ParsedSentence],
    people: Mapping[str, frozenset[str]],
    ignored: set[str],
) -> tuple[set[str], bool] | None:
    """Return (names nearest to word in the sources, whether a pronoun is as near).

    None when no source sentence has both the word and a person.
    """
    best: tuple[int, set[str], bool] | None = None
    for sentence in sources:
        named = {
            i: names
            for i, names in mentions(sentence, people).items()
            if not names & ignored
        }
        pronouns = [i for i, t in enumerate(sentence) if t.text.lower() in PRONOUNS]
        if not named:
            continue
        paths = depths(sentence)
        for i, token in enumerate(sentence):
            if token.lemma.lower() != word or token.text in people:
                continue
            far = {j: distance(paths, i, j) for j in [*named, *pronouns]}
            low = min(far.values())
            names = {n for j in named if far[j] == low for n in named[j]}
            pronoun = any(far[j] == low for j in pronouns)
            if best is None or low < best[0]:
                best = (low, names, pronoun)
            elif low == best[0]:
                best = (low, best[1] | names, best[2] or pronoun)
    return None if best is None else (best[1], best[2])


def misattributed(
    written: ParsedSentence,
    sources: list[ParsedSentence],
    people: Mapping[str, frozenset[str]],
) -> Iterator[str]:
    """Yield why a description in written is, in its sources, about someone else."""
    for person, text, words, inside in described(written, people):
        others: set[str] = set()
        against = could_be = 0
        for word in sorted(words):
            found = nearest(word, sources, people, inside)
            if found is None:
                continue
            names, pronoun = found
            if pronoun or names & person:
                could_be += 1
            else:
                against += 1
                others |= names
        if against > could_be:
            yield (
                f"describes {' or '.join(sorted(person))} as {text!r}, which its "
                f"sources say of {' or '.join(sorted(others))}"
            )
