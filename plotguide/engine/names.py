"""Find name mentions in parsed sentences and tell people from places."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import astuple, dataclass
from itertools import takewhile

from plotguide.engine.doc import Sentence
from plotguide.engine.film import CastCredit
from plotguide.engine.places import PLACE_LABELS
from plotguide.engine.text import TITLES, strip_titles

OTHER_LABELS = frozenset(
    {"ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
LOCATIVE_PREPOSITIONS = frozenset(
    [
        "in", "at", "to", "from", "near", "into", "across", "outside", "inside",
        "on", "onto", "toward", "towards", "through", "around", "within",
    ]
)  # fmt: skip
# "the island of Skerry", "the town of Redwater": the name after "of" is a place.
PLACE_NOUNS = frozenset(
    [
        "island", "town", "city", "village", "port", "state", "county", "coast",
        "planet", "kingdom", "province", "region", "country", "valley", "river",
        "lake", "mountain", "colony", "district", "republic", "isle", "bay",
        "harbour", "harbor", "street", "streets", "outskirts", "suburb", "capital",
    ]
)  # fmt: skip
# Credited names like "Man in Bar" or "Police Officer" are parts, not names.
GENERIC_CREDIT_WORDS = frozenset(
    [
        "man",
        "woman",
        "boy",
        "girl",
        "guard",
        "police",
        "cop",
        "officer",
        "waiter",
        "waitress",
        "bartender",
        "driver",
        "reporter",
        "doctor",
        "nurse",
        "agent",
        "soldier",
        "kid",
        "child",
        "old",
        "young",
        "the",
        "of",
        "in",
        "at",
        "a",
        "an",
        "and",
        "with",
        "on",
        "#1",
        "#2",
        "#3",
        "1",
        "2",
        "3",
        "uncredited",
        "voice",
        "himself",
        "herself",
    ]
)

# Head nouns of credited parts that describe a person instead of naming one
# ("El Caribe Party Patron #2", "College Student", "Woman at Planet Hollywood").
PART_NOUNS = GENERIC_CREDIT_WORDS | frozenset(
    [
        "patron", "guest", "student", "member", "guy", "executive", "worker",
        "employee", "escort", "founder", "principal", "brawler", "professor",
        "commander", "player", "roller", "pimp", "registrar", "concierge", "coach",
        "manager", "trainer", "announcer", "caller", "steward", "husband", "wife",
        "mayor", "mom", "mother", "father", "dad", "engineer", "instructor", "trooper",
        "performer", "administrator", "clerk", "policeman", "bouncer", "people",
        "cast", "fan", "fans", "customer", "passenger", "tourist", "teacher",
        "lawyer", "attorney", "judge", "priest", "pilot", "sailor", "thug",
        "henchman", "goon", "bodyguard", "secretary", "receptionist", "prisoner",
        "inmate", "dancer", "singer", "cowboy", "hooker", "prostitute", "maid",
        "servant", "vendor", "salesman", "clerk", "detective", "sergeant",
        "lieutenant", "captain", "soldiers", "agents", "officers", "cops",
        "students", "players", "worker", "friend", "neighbor", "neighbour",
        "owner", "boss", "leader", "spokesman", "newscaster", "anchor", "host",
        "technician", "scientist", "medic", "paramedic", "fireman", "firefighter",
        "surgeon", "stranger", "onlooker", "bystander", "partygoer", "extra",
        "pedestrian", "resident", "villager", "townsperson", "crowd", "mob",
        "gang", "band", "team", "crew", "staff", "pm", "official", "minister",
        "stewardess", "attendant", "chef", "cook", "barman", "janitor",
        "photographer", "journalist", "announcer", "assistant", "aide",
        "kids", "children", "boys", "girls", "men", "women", "couple", "lady",
        "expert", "specialist", "advisor", "adviser", "consultant", "spokeswoman",
        "representative", "senator", "general", "nun", "shopper", "saleswoman",
        "cashier", "teller", "visitor", "musician", "patient", "victim", "witness",
        "juror", "mourner",
    ]
)  # fmt: skip
PART_CUTS = frozenset({"in", "at", "on", "from", "of", "with", "for", "-", "–"})


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


# Last words that make a name a group or an institution, not a person:
# "Detroit Police", "Hamilton High", "U S Army", "Texas Ranger(s)".
GROUP_WORDS = frozenset(
    [
        "police",
        "high",
        "school",
        "company",
        "corporation",
        "corp",
        "army",
        "gang",
        "family",
        "club",
        "department",
        "agency",
        "bureau",
        "navy",
        "corps",
        "university",
        "college",
        "academy",
        "church",
        "council",
        "court",
        "government",
        "ranger",
        "rangers",
        "team",
        "brotherhood",
        "clan",
        "tribe",
        "league",
        "society",
        "institute",
        "hospital",
        "bank",
        "inc",
        "ltd",
        "guard",
        "guards",
        "marines",
        "legion",
        "legionnaires",
        "squad",
        "unit",
        "force",
        "forces",
        "party",
    ]
)
# Number words read as names at a sentence start ("One day ...").
NUMBER_NAMES = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
)


def is_group_name(name: str) -> bool:
    """Return True for a group, institution, lone title or number read as a name."""
    parts = name.lower().replace(".", " ").split()
    if len(parts) == 1 and (parts[0] in TITLES or parts[0] in GENERIC_CREDIT_WORDS):
        return True  # a title or a role used as a name: "King", "Pilot"
    return bool(parts) and (parts[-1] in GROUP_WORDS or " ".join(parts) in NUMBER_NAMES)


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
    ]
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

        The small parser often labels a surname ORG, so ORG counts half.
        """
        return self.person_score >= 1 and self.person_score >= (
            self.place + self.locative + 0.5 * self.other
        )


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
        for start, end in spans:
            if covered.intersection(range(start, end)):
                continue
            mention = _mention(sentence, start, end)
            if mention:
                covered.update(range(start, end))
                mentions.append(mention)
    return mentions


def vote(
    sentences: tuple[Sentence, ...], mentions: list[Mention]
) -> dict[tuple[str, ...], NameVotes]:
    """Count, per name key, how often the parse calls it a person or a place."""
    counts: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for mention in mentions:
        sentence = sentences[mention.sentence]
        label = _label(sentence, mention)
        tally = counts[mention.key]
        if label == "PERSON":
            tally["person"] += 1
        elif label in PLACE_LABELS:
            tally["place"] += 1
        elif label in OTHER_LABELS:
            tally["other"] += 1
        if _is_locative(sentence, mention):
            tally["locative"] += 1
        if _is_named_place(sentence, mention):
            tally["place"] += 2
        if mention.title:
            tally["titled"] += 1
        tally["human"] += _human_evidence(sentence, mention)
    return {key: NameVotes(**tally) for key, tally in counts.items()}


def credit_name_words(character: str) -> list[str]:
    """Return the words of a credited part's name, in order: no honorific, and
    nothing from "from", "in" or "at" on ("Mr. Jameson from Chicago")."""
    name = strip_titles(character.split("/")[0])
    return list(takewhile(lambda w: w.lower() not in PART_CUTS, name.split()))


def credit_keys(
    cast: tuple[CastCredit, ...],
) -> list[tuple[CastCredit, frozenset[str]]]:
    """Return each credit with the name words it could be matched on."""
    keys = []
    for credit in cast:
        if not is_named_credit(credit.character):
            continue
        words = credit_name_words(credit.character)
        tokens = frozenset(
            word.strip("'\"().,").lower()
            for word in words
            if word[:1].isupper() and word.strip("'\"().,")
        )
        tokens -= GENERIC_CREDIT_WORDS
        if tokens:
            keys.append((credit, tokens))
    return keys


def _name_pieces(sentence: Sentence, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a span at commas, conjunctions and stray lower-case words.

    The parser sometimes makes one entity of a list ("George, Lauren") or
    tags a verb as a proper noun ("Sweetpea kills Rodney"); each side is a
    name of its own, never one name made of both.
    """
    pieces, piece_start = [], start
    for index in range(start, end):
        text = sentence.tokens[index].text
        is_separator = text in (",", ";", "&", "/")
        is_stray = text[:1].islower() and text not in NAME_PARTICLES
        if not (is_separator or is_stray):
            continue
        if index > piece_start:
            pieces.append((piece_start, index))
        piece_start = index + 1
    if end > piece_start:
        pieces.append((piece_start, end))
    return pieces


def _propn_runs(sentence: Sentence) -> list[tuple[int, int]]:
    runs = []
    start = None
    tokens = sentence.tokens
    for index, token in enumerate(tokens + (None,)):
        is_name = (
            token is not None and token.pos == "PROPN" and token.text[:1].isupper()
        )
        if is_name and start is None:
            start = index
        elif not is_name and start is not None:
            runs.append((start, index))
            start = None
    return runs


def _mention(sentence: Sentence, start: int, end: int) -> Mention | None:
    tokens = sentence.tokens[start:end]
    words = [t.text for t in tokens if t.text not in ("'s", "’s", "'", "’")]
    while words and not words[0][:1].isupper():
        words.pop(0)
    title = ""
    before = sentence.tokens[start - 1].text if start > 0 else ""
    if before.lower().rstrip(".") in TITLES and before[:1].isupper():
        title = before
    name = strip_titles(" ".join(words))
    if name != " ".join(words):
        title = " ".join(words[: len(words) - len(name.split())])
    parts = [w for w in name.split() if w[:1].isupper() and any(c.isalpha() for c in w)]
    if not parts or len(parts) > 4:
        return None
    key = tuple(p.lower().strip(".") for p in parts)
    return Mention(sentence.id, start, end, key, " ".join(parts), title)


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


def _is_locative(sentence: Sentence, mention: Mention) -> bool:
    last = sentence.tokens[mention.end - 1]
    if last.dep != "pobj":
        return False
    preposition = sentence.tokens[last.head]
    return preposition.text.lower() in LOCATIVE_PREPOSITIONS


def _is_named_place(sentence: Sentence, mention: Mention) -> bool:
    """True for "the island of Skerry": a name that a place noun introduces."""
    last = sentence.tokens[mention.end - 1]
    preposition = sentence.tokens[last.head]
    return (
        last.dep == "pobj"
        and preposition.text.lower() == "of"
        and sentence.tokens[preposition.head].lemma.lower() in PLACE_NOUNS
    )
