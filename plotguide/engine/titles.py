"""Short event titles ("Raynor picks Cates") from a sentence's dependency parse."""

from __future__ import annotations

from plotguide.engine.doc import Sentence, Token
from plotguide.engine.text import third_person

MAX_TITLE_WORDS = 8
SUBJECTS = ("nsubj", "nsubjpass")
PHRASE_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "case"})
PERSONAL = frozenset({"he", "she", "him", "her"})
GROUP = frozenset({"they", "them"})
DANGLING = frozenset(
    [
        "a",
        "an",
        "the",
        "in",
        "on",
        "at",
        "to",
        "of",
        "for",
        "from",
        "with",
        "by",
        "and",
        "or",
        "but",
        "his",
        "her",
        "their",
        "its",
    ]
)


def event_title(
    sentence: Sentence,
    names: dict[int, str],
    antecedents: tuple[str, ...] = (),
) -> str:
    """Return "Who does what" in at most eight words, from the sentence's parse.

    names maps token index to a character's short name; antecedents are the
    most recently named characters, used for a pronoun subject.
    """
    tokens = sentence.tokens
    root = next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)
    if root is None:
        return _fallback(sentence)
    subject = next(
        (i for i, t in enumerate(tokens) if t.head == root and t.dep in SUBJECTS), None
    )
    if subject is None:
        return _fallback(sentence)
    who, is_plural = _subject_phrase(tokens, subject, names, antecedents)
    if not who:
        return _fallback(sentence)
    does = _verb_phrase(tokens, root, tokens[subject].dep == "nsubjpass", is_plural)
    what = _object_phrase(tokens, root, names)
    title = " ".join(part for part in (who, does, what) if part)
    return _tidy(title)


def _fallback(sentence: Sentence) -> str:
    return _tidy(sentence.text.split(",")[0])


def _tidy(title: str) -> str:
    """Cut to eight words, drop a dangling "in"/"the", capitalise."""
    parts = title.split()[:MAX_TITLE_WORDS]
    while len(parts) > 2 and parts[-1].lower() in DANGLING:
        parts.pop()
    text = " ".join(parts).rstrip(".,;:")
    return text[:1].upper() + text[1:]


def _subject_phrase(
    tokens: tuple[Token, ...],
    index: int,
    names: dict[int, str],
    antecedents: tuple[str, ...],
) -> tuple[str, bool]:
    token = tokens[index]
    conjuncts = [i for i, t in enumerate(tokens) if t.dep == "conj" and t.head == index]
    lower = token.text.lower()
    if lower in PERSONAL and antecedents:
        return antecedents[0], False
    if lower in GROUP and len(antecedents) >= 2:
        return f"{antecedents[0]} and {antecedents[1]}", True
    if token.pos == "PRON":
        return "", False
    first = _noun_phrase(tokens, index, names)
    if conjuncts:
        second = _noun_phrase(tokens, conjuncts[0], names)
        return f"{first} and {second}", True
    return first, index not in names and token.tag == "NNS"


def _noun_phrase(tokens: tuple[Token, ...], index: int, names: dict[int, str]) -> str:
    if index in names:
        return names[index]
    named_appos = [
        i
        for i, t in enumerate(tokens)
        if t.head == index and t.dep == "appos" and i in names
    ]
    if named_appos:
        return names[named_appos[0]]
    kept = [
        i
        for i, t in enumerate(tokens)
        if t.head == index and t.dep in PHRASE_DEPS and i < index
    ]
    words = [tokens[i].text for i in kept[-4:]] + [tokens[index].text]
    return " ".join(words).replace(" 's", "'s")


def _verb_phrase(
    tokens: tuple[Token, ...], root: int, is_passive: bool, is_plural: bool
) -> str:
    verb = tokens[root]
    children = [(i, t) for i, t in enumerate(tokens) if t.head == root and i != root]
    particle = " ".join(t.text for _, t in children if t.dep == "prt")
    negation = next((t.text.lower() for _, t in children if t.dep == "neg"), "")
    negated = bool(negation)
    be = "are" if is_plural else "is"
    if is_passive:
        words = [be, negation, verb.text] if negated else [be, verb.text]
    elif verb.lemma == "be" or verb.pos == "AUX":
        words = [be, negation] if negated else [be]
    elif negation == "never":
        lemma = verb.lemma.lower()
        words = ["never", lemma if is_plural else third_person(lemma)]
    elif negated:
        words = ["do not" if is_plural else "does not", verb.lemma.lower()]
    else:
        lemma = verb.lemma.lower()
        words = [lemma if is_plural else third_person(lemma)]
    if particle:
        words.append(particle)
    complement = next(
        (i for i, t in children if t.dep == "xcomp" and t.pos == "VERB"), None
    )
    has_object = any(t.dep == "dobj" for _, t in children)
    if complement is not None and not is_passive and not has_object:
        words += ["to", tokens[complement].lemma.lower()]
    return " ".join(words)


def _object_phrase(tokens: tuple[Token, ...], root: int, names: dict[int, str]) -> str:
    has_object = any(t.head == root and t.dep == "dobj" for t in tokens)
    heads = [root] + [
        i
        for i, t in enumerate(tokens)
        if t.head == root and t.dep == "xcomp" and not has_object
    ]
    for head in reversed(heads):
        for index, token in enumerate(tokens):
            if token.head == head and token.dep in ("dobj", "attr", "acomp", "oprd"):
                return _noun_phrase(tokens, index, names)
    for index, token in enumerate(tokens):
        if token.head == heads[-1] and token.dep == "prep" and index > root:
            objects = [
                i for i, t in enumerate(tokens) if t.head == index and t.dep == "pobj"
            ]
            if objects:
                return f"{token.text} {_noun_phrase(tokens, objects[0], names)}"
    return ""
