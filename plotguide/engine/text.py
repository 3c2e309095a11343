"""Small text helpers shared by components and validators."""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W_][\w'\-]*")
# Nouns for a person: a name beside one ("her son, Mackenzie") is a person.
HUMAN_NOUNS = frozenset(
    [
        "man",
        "woman",
        "boy",
        "girl",
        "officer",
        "detective",
        "agent",
        "businessman",
        "businesswoman",
        "lawyer",
        "doctor",
        "father",
        "mother",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "friend",
        "partner",
        "boss",
        "student",
        "teacher",
        "soldier",
        "cop",
        "criminal",
        "killer",
        "dealer",
        "gangster",
        "thief",
        "prisoner",
        "nurse",
        "reporter",
        "journalist",
        "writer",
        "artist",
        "singer",
        "actor",
        "actress",
        "widow",
        "widower",
        "child",
        "kid",
        "teenager",
        "owner",
        "leader",
        "member",
        "captain",
        "sergeant",
        "lieutenant",
        "colonel",
        "priest",
        "nun",
        "king",
        "queen",
        "prince",
        "princess",
        "scientist",
        "professor",
        "secretary",
        "assistant",
        "employee",
        "manager",
        "banker",
        "millionaire",
        "billionaire",
        "girlfriend",
        "boyfriend",
        "lover",
        "uncle",
        "aunt",
        "cousin",
        "grandfather",
        "grandmother",
        "neighbor",
        "neighbour",
        "servant",
        "maid",
        "driver",
        "pilot",
        "hunter",
        "farmer",
        "sheriff",
        "deputy",
        "judge",
        "senator",
        "mayor",
        "president",
        "wizard",
        "witch",
        "vampire",
        "bride",
        "groom",
        "fiancee",
        "fiance",
        "orphan",
        "veteran",
        "hitman",
        "assassin",
        "mercenary",
        "bodyguard",
        "musician",
        "player",
        "coach",
        "fighter",
        "boxer",
        "dancer",
        "caretaker",
        "butler",
        "guard",
        "clerk",
        "waiter",
        "waitress",
        "bartender",
        "doorman",
        "janitor",
        "housekeeper",
        "governess",
        "nanny",
        "chauffeur",
        "landlord",
        "landlady",
        "tenant",
        "stranger",
    ]
)
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "doctor",
        "sir",
        "lady",
        "lord",
        "captain",
        "capt",
        "cpt",
        "sergeant",
        "sgt",
        "officer",
        "detective",
        "det",
        "agent",
        "lieutenant",
        "lt",
        "colonel",
        "col",
        "general",
        "gen",
        "major",
        "professor",
        "prof",
        "father",
        "mother",
        "sister",
        "brother",
        "uncle",
        "aunt",
        "king",
        "queen",
        "prince",
        "princess",
        "judge",
        "senator",
        "governor",
        "president",
        "chief",
        "inspector",
        "private",
        "corporal",
        "commander",
        "admiral",
        "reverend",
        "rev",
        "saint",
        "st",
        "count",
        "countess",
        "duke",
        "duchess",
        "baron",
        "madame",
        "monsieur",
        "mister",
        "deputy",
        "sheriff",
        "coach",
        "nurse",
        "young",
        "old",
        "little",
        "big",
    ]
)
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "while",
        "when",
        "where",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "this",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "he",
        "she",
        "it",
        "they",
        "them",
        "his",
        "her",
        "its",
        "their",
        "him",
        "we",
        "you",
        "i",
        "me",
        "my",
        "our",
        "your",
        "there",
        "then",
        "than",
        "so",
        "also",
        "only",
        "just",
        "very",
        "up",
        "out",
        "off",
        "down",
        "again",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "own",
        "same",
        "too",
        "can",
        "will",
        "would",
        "should",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "one",
        "two",
    ]
)


def stem(word: str) -> str:
    """Return a crude stem so "kills", "killed" and "killing" compare equal."""
    word = word.lower().strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ies", "ied", "ing", "ed", "es", "s", "ly", "e", "y"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """Return the word tokens of text in order."""
    return WORD.findall(text)


def strip_titles(name: str) -> str:
    """Return a person's name without leading honorifics ("Captain Dodd" -> "Dodd")."""
    parts = name.replace(".", " ").split()
    while len(parts) > 1 and parts[0].lower() in TITLES:
        parts = parts[1:]
    return " ".join(parts)


def third_person(lemma: str) -> str:
    """Return the present-tense third-person form of a verb lemma."""
    irregular = {"be": "is", "have": "has", "do": "does", "go": "goes"}
    if lemma in irregular:
        return irregular[lemma]
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    return lemma + "s"


def capitalised(text: str) -> str:
    """Return text with its first letter upper-case, where that keeps it
    the same letter: "ß" stays, as "SS" is two and not in the sentence."""
    first = text[:1].upper()
    return first + text[1:] if len(first) == 1 else text


def shorten(text: str, limit: int) -> str:
    """Return text cut to at most `limit` words, without trailing punctuation."""
    parts = text.split()
    return " ".join(parts[:limit]).rstrip(",;:")


def same_spelling(credited: str, written: str) -> bool:
    """True for one name spelt alike: equal, or one letter off if long enough.

    One letter off: changed, added, dropped, or two neighbours swapped
    ("Sheila", "Shelia"); the first letter must agree and both names must
    have five letters or more, so "Mary" never becomes "Marty".
    """
    if credited == written:
        return True
    if min(len(credited), len(written)) < 5 or credited[0] != written[0]:
        return False
    short, long = sorted((credited, written), key=len)
    if len(long) - len(short) > 1:
        return False
    if len(short) < len(long):
        return any(long[:n] + long[n + 1 :] == short for n in range(len(long)))
    diffs = [n for n in range(len(short)) if short[n] != long[n]]
    swapped = (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and short[diffs[0]] == long[diffs[1]]
        and short[diffs[1]] == long[diffs[0]]
    )
    return len(diffs) == 1 or swapped
