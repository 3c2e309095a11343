"""Find name mentions in parsed sentences and tell people from places."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import astuple, dataclass
from itertools import takewhile

from plotguide.engine.credits import (
    GENERIC_CREDIT_WORDS,
    GROUP_WORDS,
    NAME_TITLES,
    PART_CUTS,
    PART_NOUNS,
    name_word,
    read_credit,
)
from plotguide.engine.doc import Sentence, Token, glued_hyphen
from plotguide.engine.film import CastCredit
from plotguide.engine.places import PLACE_LABELS
from plotguide.engine.text import HUMAN_NOUNS, TITLES, strip_titles

OTHER_LABELS = frozenset(
    {"ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
LOCATIVE_PREPOSITIONS = frozenset(
    [
        "in", "at", "to", "from", "near", "into", "across", "outside", "inside",
        "on", "onto", "toward", "towards", "through", "around", "within",
    ]
)  # fmt: skip
# Nouns for groups and things whose name may follow them ("the band
# Stillwater", "the ship Nautilus").
GROUP_NOUNS = frozenset(
    [
        "band", "group", "company", "firm", "gang", "team", "club", "agency",
        "organization", "organisation", "network", "newspaper", "magazine",
        "ship", "vessel", "submarine", "station", "hotel", "restaurant", "bar",
        "cult", "tribe", "corporation", "party", "church", "studio", "label",
    ]
)  # fmt: skip
# Verbs whose object is a land, never a person ("invade Siam", "flee Siam");
# one such use outweighs several person labels from the small parser.
REALM_VERBS = frozenset(
    ["invade", "colonize", "colonise", "annex", "flee", "emigrate", "tour", "rule"]
)
REALM_WEIGHT = 4
# "the island of Skerry", "the town of Redwater": the name after "of" is a place.
PLACE_NOUNS = frozenset(
    [
        "island", "town", "city", "village", "port", "state", "county", "coast",
        "planet", "kingdom", "province", "region", "country", "valley", "river",
        "lake", "mountain", "colony", "district", "republic", "isle", "bay",
        "harbour", "harbor", "street", "streets", "outskirts", "suburb", "capital",
        "community",
    ]
)  # fmt: skip


# The last word of a place's name: "Bedford Falls", "Palm Springs", "Sunset
# Boulevard". Only words rarely a surname ("Hill", "Woods" and "Lake" are).
PLACE_HEADS = frozenset(
    [
        "falls", "springs", "heights", "hills", "creek", "valley", "canyon",
        "county", "street", "avenue", "boulevard", "island", "islands", "bay",
        "beach", "harbor", "harbour", "square", "station", "city", "township",
        "stadt", "castle", "palace", "manor", "cathedral",
    ]
)  # fmt: skip


def is_named_credit(character: str) -> bool:
    """Return whether a credited part names someone ("Jim Raynor", "Lt. Greenhill").

    A part whose head noun is a role ("DEA Guy", "Party Patron #1",
    "Bouncer at Planet Hollywood", "Himself - Myspace Founder") describes
    a person without naming one; "Walt, City Worker" names Walt.
    """
    first = character.split("/")[0].split(",")[0]
    words = []
    for word in first.split():
        if word.lower() in PART_CUTS:
            break
        words.append(word.strip("'\"().,!#:").lower())
    words = [w for w in words if w and not w.isdigit()]
    if not words:
        return False
    return words[-1] not in PART_NOUNS


@dataclass(frozen=True)
class Mention:
    """A name as written in one sentence, with its honorific if any."""

    sentence: int
    start: int
    end: int
    key: tuple[str, ...]
    surface: str
    title: str


# Number words read as names at a sentence start ("One day ...").
NUMBER_NAMES = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
)


SHIP_PREFIXES = frozenset({"rms", "hms", "uss", "ss", "hmas", "sms"})


def is_group_name(name: str) -> bool:
    """Return True for a group, institution, lone title or number read as a name.

    An acronym written without dots ("CIA", "KGB") is an institution; initials
    with dots ("A.J.") are a person's.
    """
    parts = name.lower().replace(".", " ").split()
    if len(parts) == 1 and (parts[0] in TITLES or parts[0] in GENERIC_CREDIT_WORDS):
        return True  # a title or a role used as a name: "King", "Pilot"
    if len(name) >= 2 and name.isalpha() and name.isupper():
        return True
    if len(parts) >= 2 and parts[0] in SHIP_PREFIXES:
        return True  # a ship: "RMS Titanic", "USS Enterprise"
    return bool(parts) and (parts[-1] in GROUP_WORDS or " ".join(parts) in NUMBER_NAMES)


def is_family_plural(key: tuple[str, ...], surnames: frozenset[str]) -> bool:
    """True for "the Gallaghers": a known surname made plural names a family."""
    if len(key) != 1 or not key[0].endswith("s"):
        return False
    word = key[0]
    return word[:-1] in surnames or (word.endswith("es") and word[:-2] in surnames)


# Verbs whose subject or object is almost always a person, never a place.
HUMAN_VERBS = frozenset(
    [
        "say",
        "tell",
        "ask",
        "decide",
        "explain",
        "insist",
        "testify",
        "kill",
        "shoot",
        "meet",
        "marry",
        "love",
        "hire",
        "arrest",
        "indict",
        "acquit",
        "convict",
        "murder",
        "kidnap",
        "die",
        "believe",
        "know",
        "learn",
        "realize",
        "realise",
        "want",
        "try",
        "agree",
        "refuse",
        "confess",
        "admit",
        "reveal",
        "warn",
        "promise",
        "threaten",
        "beg",
        "thank",
        "kiss",
        "hug",
        "seduce",
        "betray",
        "rescue",
        "save",
        "help",
        "persuade",
        "convince",
        "order",
        "recruit",
        "fire",
        "befriend",
        "date",
        "visit",
        "call",
        "phone",
        "confront",
        "attack",
        "stab",
        "chase",
        "follow",
        "interrogate",
        "question",
        "accuse",
        "blame",
        "forgive",
        "trust",
        "fear",
        "hate",
        "sleep",
        "smile",
        "laugh",
        "cry",
        "scream",
        "shout",
        "whisper",
        "reply",
        "respond",
        "argue",
        "fight",
        "flee",
        "escape",
        "return",
        "arrive",
        "leave",
        "discover",
        "find",
        "notice",
        "watch",
        "see",
        "look",
        "hear",
        "overhear",
        "suspect",
        "investigate",
        "pretend",
        "lie",
        "plan",
        "manage",
        "begin",
        "start",
        "work",
        "live",
        "grow",
        "injure",
        "wound",
        "bury",
        "mourn",
        "adopt",
        "raise",
        "abandon",
    ]
)

# Nouns for people, relatives and pets: "X's advisor, Y" are two people, and
# "kidnaps Dan's daughter" harms Dan ("framed Juno's note" does not).
PERSON_NOUNS = HUMAN_NOUNS | frozenset(
    ["advisor", "adviser", "clone", "decoy", "double", "lookalike", "impostor"]
    + ["person", "friend", "enemy", "rival", "ally", "henchman", "sidekick"]
    + ["family", "child", "children", "kids", "parents", "fiancée", "pet", "dog"]
)


@dataclass(frozen=True)
class NameVotes:
    """How the parse labelled every mention of one name."""

    person: int = 0
    place: int = 0
    other: int = 0
    locative: int = 0
    titled: int = 0
    human: int = 0
    modifier: int = 0
    plural: int = 0
    group: int = 0

    def __add__(self, other: NameVotes) -> NameVotes:
        return NameVotes(
            *(a + b for a, b in zip(astuple(self), astuple(other), strict=True))
        )

    @property
    def person_score(self) -> float:
        return self.person + self.titled + self.human

    @property
    def is_person(self) -> bool:
        """True when the person evidence outweighs place and organisation labels.

        The small parser often labels a surname ORG, so ORG counts half; a
        name used as a modifier ("the Mark II armor", "the Stark Expo") or
        after an article ("the Cabinet") counts whole. A name the plot says
        is a group ("the opening band, Stillwater") is none, however often
        the parser calls it a person.
        """
        return (
            not self.group
            and self.person_score >= 1
            and self.person_score
            >= (
                self.place
                + self.locative
                + 0.5 * self.other
                + self.modifier
                + 2 * self.plural
            )
        )


QUOTE_MARKS = frozenset(['"', "'", "“", "”", "‘", "’", "„", "«", "»", "``", "''"])
# Parts of speech that never open a name, though capitalised at a sentence's
# start: "Inside Harriet's Bible", "Fearing Helm's Deep".
NOT_NAME_POS = frozenset(["ADP", "SCONJ", "ADV", "DET", "PRON", "CCONJ"])
# Words that open a name as a title ("Dr. Strangelove", "Group Capt. Mandrake").
MENTION_TITLES = TITLES | NAME_TITLES
# Titles that are also words inside names: "Corky St. Clair", "Little John".
NAME_WORD_TITLES = frozenset(
    ["st", "saint", "little", "big", "old", "young", "brother", "sister", "mother"]
    + ["father", "aunt", "uncle", "miss", "lady", "lord", "king", "queen"]
)
# An initial, or a run of initials written as one word ("A.", "A.J.").
INITIAL = re.compile(r"(?:[A-Z]\.)+|[A-Z]")

# Lower-case words that belong inside a name ("Leonardo da Vinci").
NAME_PARTICLES = frozenset(
    ["da", "de", "del", "della", "der", "di", "du", "la", "le", "van", "von", "bin"]
    + ["al", "el", "y", "the", "of", "'s", "’s", "'", "’", "-", '"', "“", "”"]
)


def find_mentions(sentences: tuple[Sentence, ...]) -> list[Mention]:
    """Return every proper-name span (entity or run of proper nouns)."""
    mentions = []
    for sentence in sentences:
        covered: set[int] = set()
        spans = [
            piece
            for e in sentence.entities
            for piece in _name_pieces(sentence, e.start, e.end)
        ]
        spans += _propn_runs(sentence)
        for start, end in _quoted_nicknames(sentence, spans) + spans:
            if (
                covered.intersection(range(start, end))
                or _named_after(sentence, start)
                or _in_a_work_title(sentence, start)
                or _named_for_its_owner(sentence, end)
            ):
                continue
            mention = _mention(sentence, start, end)
            if mention:
                covered.update(range(start, end))
                mentions.append(mention)
    return mentions


def _in_a_work_title(sentence: Sentence, start: int) -> bool:
    """True for "a copy of The Adventures of Tom Sawyer": a capital "The" inside
    the sentence opens a title, and the name in it is the work's, not a part."""
    tokens = sentence.tokens
    return (
        start >= 3
        and tokens[start - 1].text == "of"
        and tokens[start - 2].text[:1].isupper()
        and tokens[start - 3].text == "The"
        and start - 3 > 0
    )


def _named_for_its_owner(sentence: Sentence, end: int) -> bool:
    """True for "at Kellerman's, a resort" and "return to Kellerman's": a
    possessive that a preposition takes alone is a place (a resort, a shop, a
    home), not its owner, Max Kellerman."""
    tokens = sentence.tokens
    last = tokens[end - 1]
    return (
        last.dep == "pobj"
        and tokens[last.head].text.lower() in LOCATIVE_PREPOSITIONS
        and end < len(tokens)
        and tokens[end].dep == "case"
        and tokens[end].head == end - 1
    )


def _named_after(sentence: Sentence, start: int) -> bool:
    """True for "She was named after Frances Perkins": a namesake, not a part."""
    tokens = sentence.tokens
    return (
        start >= 2
        and tokens[start - 1].text.lower() in ("after", "for")
        and tokens[start - 2].lemma.lower() == "name"
    )


def _quoted_nicknames(
    sentence: Sentence, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Return name spans joined across quoted nicknames.

    The parser often cuts 'Frances "Baby" Houseman' at a quote; name spans
    with only quotes between them are one name.
    """
    tokens = sentence.tokens
    joined: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        gap = tokens[joined[-1][1] : start] if joined else ()
        if gap and all(t.text in QUOTE_MARKS for t in gap):
            joined[-1] = (joined[-1][0], end)
        elif not joined or start >= joined[-1][1]:
            joined.append((start, end))
    return [
        (_one_first_name(tokens, start, end), end)
        for start, end in joined
        if any(t.text in QUOTE_MARKS for t in tokens[start:end])
    ]


def _one_first_name(tokens: tuple[Token, ...], start: int, end: int) -> int:
    """Return where the name starts: with too many words for one name, at the
    word before the nickname ("New Yorker Frances "Baby" Houseman" is Frances
    "Baby" Houseman; "C. C. "Bud" Baxter" stays whole)."""
    if sum(1 for t in tokens[start:end] if t.text[:1].isupper()) <= 4:
        return start
    quote = next(i for i in range(start, end) if tokens[i].text in QUOTE_MARKS)
    return max(start, quote - 1)


def vote(
    sentences: tuple[Sentence, ...], mentions: list[Mention]
) -> dict[tuple[str, ...], NameVotes]:
    """Count, per name key, how often the parse calls it a person or a place."""
    counts: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        sentence = sentences[mention.sentence]
        label = _label(sentence, mention)
        tally = counts[mention.key]
        if label == "PERSON":
            tally["person"] += 1
        elif label in PLACE_LABELS or label == "NORP":
            tally["place"] += 1
        elif label in OTHER_LABELS:
            tally["other"] += 1
        if _is_locative(sentence, mention):
            tally["locative"] += 1
        if _is_named_place(sentence, mention):
            # "the remote ocean planet of Kamino": the plot says what it is,
            # however often the parser calls it a person.
            tally["place"] += REALM_WEIGHT
        elif has_place_head(mention.key) or _said_to_be_a_place(sentence, mention):
            tally["place"] += 2
        if _is_realm(sentence, mention):
            tally["place"] += REALM_WEIGHT
        if mention.title:
            tally["titled"] += 1
        if '"' in mention.surface:
            tally["person"] += 2  # only people go by a quoted nickname
        tally["human"] += _human_evidence(sentence, mention)
        tally["modifier"] += _is_modifier(sentence, mention)
        tally["group"] += _said_to_be_a_group(sentence, mention)
        tally["modifier"] += 2 * _names_a_people(sentence, mention)
        tally["plural"] += _reads_plural(sentence, mention)
    return {key: NameVotes(**tally) for key, tally in counts.items()}


def _reads_plural(sentence: Sentence, mention: Mention) -> bool:
    """True for "two Picts", "Drazak's Chetniks", "the bandaged Chetniks": a
    one-word name in -s that is counted, owned or described is a people or a
    band, not a person. (The parse's plural tag is no sign: it calls Mathias
    one too.)"""
    word = mention.surface
    if len(mention.key) != 1 or not word.endswith("s") or word.endswith("ss"):
        return False
    index = mention.end - 1
    tokens = sentence.tokens
    return any(
        t.head == index and t.dep in ("det", "amod", "nummod", "poss") for t in tokens
    )


def credit_name_words(character: str) -> list[str]:
    """Return the words of a credited part's name, in order: no honorific, and
    nothing from "from", "in" or "at" on ("Mr. Jameson from Chicago")."""
    name = strip_titles(character.split("/")[0])
    return list(takewhile(lambda w: w.lower() not in PART_CUTS, name.split()))


def credit_keys(
    cast: tuple[CastCredit, ...], plot_names: frozenset[str] = frozenset()
) -> list[tuple[CastCredit, frozenset[str]]]:
    """Return each credit with the name words it could be matched on.

    Every name a credit gives counts: each slash part and nickname ("Tony
    Stark / Iron Man", "Frances 'Baby' Houseman"), and a described part the
    plot writes as a name (``plot_names``: "Driver"). Words count as keys
    ("aj", "blucher") and as written, lower-cased ("a.j.", "blücher"), the
    way a character's name reads.
    """
    keys = []
    for credit in cast:
        read = read_credit(credit, plot_names)
        written = {
            word.strip("'\"‘’“”(),").lower()
            for part in read.parts
            for word in part.text.split()
        }
        words = (read.words | written) - GENERIC_CREDIT_WORDS
        # A described part the plot writes as a name keeps its word: "Driver".
        named = [part for part in read.parts if part.text in plot_names]
        words |= {word for part in named for word in part.words}
        if words:
            keys.append((credit, frozenset(words)))
    return keys


def _name_pieces(sentence: Sentence, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span at commas, conjunctions and stray lower-case words.

    The parser sometimes makes one entity of a list ("George, Lauren") or
    tags a verb as a proper noun ("Sweetpea kills Rodney"); each side is a
    name of its own, never one name made of both.
    """
    pieces, piece_start = [], start
    texts = [t.text for t in sentence.tokens[start:end]]
    for index in range(start, end):
        text = sentence.tokens[index].text
        # "Paris hands Aeneas the Sword of Troy": a "the ... of" phrase after a
        # name is the name's object, never an epithet ("Gandalf the Grey").
        is_object = (
            text == "the" and index > piece_start and "of" in texts[index - start :]
        )
        is_separator = text in (",", ";", "&", "/") or is_object
        is_stray = text[:1].islower() and text not in NAME_PARTICLES
        if not (is_separator or is_stray):
            continue
        if index > piece_start:
            pieces.append((piece_start, index))
        piece_start = index + 1
    if end > piece_start:
        pieces.append((piece_start, end))
    return pieces


def _joined_to_a_name(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether a token is a hyphen inside a name, or a capitalised word a
    hyphen glues to the proper noun after it: the parser tags the "Obi" of
    "Obi-Wan tracks the assassin" an adjective, and the name became "Wan"."""
    after = index + 2
    if glued_hyphen(tokens, index):
        neighbours = (
            (tokens[index - 1], tokens[index + 1]) if index + 1 < len(tokens) else ()
        )
        return len(neighbours) == 2 and all(t.text[:1].isupper() for t in neighbours)
    return (
        after < len(tokens)
        and tokens[index].text[:1].isupper()
        and glued_hyphen(tokens, index + 1)
        and tokens[after].pos == "PROPN"
        and tokens[after].text[:1].isupper()
    )


def _propn_runs(sentence: Sentence) -> list[tuple[int, int]]:
    runs = []
    start = None
    tokens = sentence.tokens
    for index, token in enumerate(tokens + (None,)):
        is_name = token is not None and (
            token.pos == "PROPN"
            and token.text[:1].isupper()
            or _joined_to_a_name(tokens, index)
        )
        if is_name and start is None:
            start = index
        elif not is_name and start is not None:
            runs.append((start, index))
            start = None
    return runs


def _mention(sentence: Sentence, start: int, end: int) -> Mention | None:
    tokens = sentence.tokens[start:end]
    demonyms = {
        i for e in sentence.entities if e.label == "NORP" for i in range(e.start, e.end)
    }
    while tokens and (
        tokens[0].pos in NOT_NAME_POS
        or tokens[0].tag == "VBG"
        or (start in demonyms and len(tokens) > 1)
    ):
        # "Inside", "Fearing" opening a sentence; "New Yorker" before a name.
        # A name the parser alone calls a nationality stays: Top Gun's "Merlin".
        tokens, start = tokens[1:], start + 1
    words = [t.text for t in tokens if t.text not in ("'s", "’s", "'", "’")]
    while words and not words[0][:1].isupper():
        words.pop(0)
    title = ""
    before = sentence.tokens[start - 1].text if start > 0 else ""
    if before.lower().rstrip(".") in MENTION_TITLES and before[:1].isupper():
        title = before
    leading = []
    while len(words) > 1 and words[0].lower().rstrip(".") in MENTION_TITLES:
        leading.append(words.pop(0))
    title = " ".join(leading) or title
    inner = [
        i
        for i, word in enumerate(words[1:-1], start=1)
        if word.lower().rstrip(".") in MENTION_TITLES - NAME_WORD_TITLES
    ]
    if inner:
        # "the former Jedi Knight Count Dooku" is Count Dooku: what comes
        # before a title inside the name describes him ("Jedi" is no name).
        title, words = words[inner[-1]], words[inner[-1] + 1 :]
    parts = _initials(
        [w for w in words if w[:1].isupper() and any(c.isalpha() for c in w)]
    )
    if not parts or len(parts) > 4:
        return None
    key = tuple(name_word(p) for p in parts)
    return Mention(sentence.id, start, end, key, _surface(tokens, parts), title)


def _surface(tokens: tuple[Token, ...], parts: list[str]) -> str:
    """Return the name as a reader writes it, a quoted nickname in its quotes
    (Frances "Baby" Houseman)."""
    texts = [t.text for t in tokens]
    quoted = {
        texts[i]
        for i in range(1, len(texts) - 1)
        if texts[i - 1] in QUOTE_MARKS and texts[i + 1] in QUOTE_MARKS
    }
    inner = parts[1:-1]
    written = [f'"{p}"' if p in quoted and p in inner else p for p in parts]
    # "Obi-Wan Kenobi" and "R2-D2" as written, never "Obi Wan" or "R2 D2".
    joined = written[:1]
    for before, part, shown in zip(parts, parts[1:], written[1:], strict=False):
        if _hyphenated(texts, before, part):
            joined[-1] += "-" + shown
        else:
            joined.append(shown)
    return " ".join(joined)


def _hyphenated(texts: list[str], before: str, after: str) -> bool:
    """Whether the tokens write two name parts with a hyphen between them."""
    return any(
        texts[i] == before and texts[i + 1] == "-" and texts[i + 2] == after
        for i in range(len(texts) - 2)
    )


def _initials(parts: list[str]) -> list[str]:
    """Join leading initials into one word: "A. J." and "A.J." are "A.J.".

    Read apart, "A.J." became the broken name "A J".
    """
    count = 0
    while count < len(parts) and INITIAL.fullmatch(parts[count]):
        count += 1
    if count < 2:
        return parts
    letters = "".join(parts[:count]).replace(".", "")
    return [".".join(letters) + ".", *parts[count:]]


def _label(sentence: Sentence, mention: Mention) -> str:
    for entity in sentence.entities:
        if entity.start < mention.end and mention.start < entity.end:
            return entity.label
    return ""


def _human_evidence(sentence: Sentence, mention: Mention) -> int:
    """Score parse clues that a name is a person: what it does, what it is."""
    tokens = sentence.tokens
    last = tokens[mention.end - 1]
    head = tokens[last.head]
    score = 0
    if last.dep in ("nsubj", "nsubjpass", "dobj") and head.lemma.lower() in HUMAN_VERBS:
        score += 1
    for token in tokens:
        if token.dep == "appos" and token.head == mention.end - 1:
            score += 2 * (token.lemma.lower() in HUMAN_NOUNS)
        if (
            last.dep == "nsubj"
            and head.lemma == "be"
            and token.dep == "attr"
            and tokens[token.head] is head
        ):
            score += 2 * (token.lemma.lower() in HUMAN_NOUNS)
    if last.dep == "appos" and tokens[last.head].lemma.lower() in HUMAN_NOUNS:
        score += 2
    if last.dep == "poss" and head.lemma.lower() in HUMAN_NOUNS:
        score += 1
    return score


def _names_a_people(sentence: Sentence, mention: Mention) -> bool:
    """True for "Hutu extremists" and "the Berber tribes": one word before a
    plural noun names a people: it counts twice more than a modifier."""
    last = sentence.tokens[mention.end - 1]
    head = sentence.tokens[last.head]
    return (
        len(mention.key) == 1
        and last.dep in ("compound", "amod")
        and head.tag in ("NNS", "NNPS")
    )


def _said_to_be_a_group(sentence: Sentence, mention: Mention) -> bool:
    """True for "the opening band, Stillwater": the plot says what it is."""
    tokens = sentence.tokens
    last = tokens[mention.end - 1]
    return last.dep == "appos" and tokens[last.head].lemma.lower() in GROUP_NOUNS


def _is_modifier(sentence: Sentence, mention: Mention) -> bool:
    """True for a name that modifies a noun, follows an article or names a group.

    "Stark's Mark II armor", "the Stark Expo", "the Cabinet", "the opening
    band, Stillwater": a thing or an institution, where a person would stand
    alone ("Stark", "Dr. Stark").
    """
    tokens = sentence.tokens
    last = tokens[mention.end - 1]
    head = tokens[last.head]
    if last.dep == "compound" and head.pos == "NOUN":
        return True
    if _said_to_be_a_group(sentence, mention):
        return True
    before = tokens[mention.start - 1] if mention.start > 0 else None
    return (
        before is not None
        and (
            before.text.lower() in ("the", "a", "an")
            or before.lemma.lower() in GROUP_NOUNS
            and before.dep == "compound"
        )
        and not mention.title
        and tokens[mention.start].text[:1].isupper()
    )


def _is_locative(sentence: Sentence, mention: Mention) -> bool:
    last = sentence.tokens[mention.end - 1]
    if last.dep != "pobj":
        return False
    preposition = sentence.tokens[last.head]
    return preposition.text.lower() in LOCATIVE_PREPOSITIONS


def _is_realm(sentence: Sentence, mention: Mention) -> bool:
    """True for a name that is invaded, fled or annexed: a land, not a person."""
    last = sentence.tokens[mention.end - 1]
    verb = sentence.tokens[last.head]
    return last.dep == "dobj" and verb.lemma.lower() in REALM_VERBS


def has_place_head(key: tuple[str, ...]) -> bool:
    """True for "Bedford Falls": a name of two words or more ending on a place word."""
    return len(key) >= 2 and key[-1] in PLACE_HEADS


def _said_to_be_a_place(sentence: Sentence, mention: Mention) -> bool:
    """True for "Miranda is a remote planet" and "Haven, a mining colony": the
    plot says what the name is, and it is a place."""
    tokens = sentence.tokens
    index = mention.end - 1
    last = tokens[index]
    return any(
        t.lemma.lower() in PLACE_NOUNS
        and (
            (t.dep == "appos" and t.head == index)
            or (
                t.dep == "attr"
                and last.dep == "nsubj"
                and t.head == last.head
                and tokens[last.head].lemma == "be"
            )
        )
        for t in tokens
    )


def _is_named_place(sentence: Sentence, mention: Mention) -> bool:
    """True for "the island of Skerry" and "a town called Dirt": a name that
    a place noun introduces."""
    tokens = sentence.tokens
    last = tokens[mention.end - 1]
    word = tokens[last.head]
    place_noun = tokens[word.head].lemma.lower() in PLACE_NOUNS
    if last.dep == "oprd" and word.lemma.lower() in ("call", "name"):
        return word.dep == "acl" and place_noun
    return last.dep == "pobj" and word.text.lower() == "of" and place_noun
