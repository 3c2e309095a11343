"""Read a credited part the way the credits write it.

One part comes in many spellings: "Frances 'Baby' Houseman" (a nickname),
"Tony Stark / Iron Man" (one person's names, or one actor's several parts),
"Hogarth Hughes (voice)" (a note on how it was played), "Young Carol" and
"Carol (young)" (a person at another age), "Prince Chowfa, King Mongkut's
Brother" (a name, then a description). The characters component and the
faithfulness check both match plot names against what this module reads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from itertools import takewhile

from plotguide.engine.film import CastCredit
from plotguide.engine.text import TITLES

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
        "employee", "workman", "escort", "founder", "principal", "brawler", "professor",
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
        "bellhop", "bellboy", "porter", "valet", "usher", "doorman", "server",
        "photographer", "journalist", "announcer", "assistant", "aide",
        "kids", "children", "boys", "girls", "men", "women", "couple", "lady",
        "expert", "specialist", "advisor", "adviser", "consultant", "spokeswoman",
        "representative", "senator", "general", "nun", "shopper", "saleswoman",
        "cashier", "teller", "visitor", "musician", "patient", "victim", "witness",
        "juror", "mourner", "tech", "techie", "marshal", "voices", "foreman",
        "director", "chairman", "chairwoman", "nco", "operative", "analyst",
        "commissioner", "inspector", "premier", "chancellor", "ambassador",
        "hood", "gangbanger", "gangster", "grandfather", "grandmother",
        "granddaughter", "grandson", "daughter", "son", "sister", "brother",
        "uncle", "aunt", "cousin", "niece", "nephew", "porter", "crewmember",
        "poppet", "dispatcher", "blacks", "sniper", "swat", "girlfriend",
        "boyfriend", "fiance", "fiancee", "bride", "groom", "thief", "robber",
        "hostage", "sheriff", "deputy", "ranger", "biker", "hunter", "killer",
        "attendee", "usher", "spectator", "protester", "protestor", "activist",
        "double", "stand-in", "narrator",
        "diplomat", "consul", "envoy", "attache", "attaché", "emissary", "delegate",
        "guide", "dignitary",
        # The most frequent described parts of the TMDB 5000 credits left out
        # above (a word that is also a common surname, "Baker", is not here).
        "goer", "citizen", "operator", "dealer", "actor", "actress", "zombie",
        "person", "warrior", "witch", "broker", "supervisor", "mechanic", "cadet",
        "doorman", "businessman", "controller", "reveller", "cameraman",
        "crewman", "bully", "producer", "hostess", "counselor", "interviewer",
        "partier", "commentator", "civilian", "gunner", "mercenary", "editor",
        "translator", "pirate", "samurai", "teen",
    ]
)  # fmt: skip
# A relative clause describes too: "Driver Who Hits Chris" names nobody.
PART_CUTS = frozenset(
    {"in", "at", "on", "from", "of", "with", "for", "-", "–", "who", "whom", "that"}
)

# Last words that make a name a group or an institution, not a person:
# "Detroit Police", "Hamilton High", "U S Army", "Texas Ranger(s)".
GROUP_WORDS = frozenset(
    [
        "police",
        "p.d",  # "Boston P.D."
        "pd",
        "lapd",
        "nypd",
        "fbi",
        "cia",
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
        "industries",
        "enterprises",
        "foundation",
        "labs",
        "laboratories",
        "studios",
        "records",
        "airlines",
        "magazine",
        "newspaper",
        "network",
        "hotel",
        "casino",
        "prison",
        "penitentiary",
        "station",
        "squadron",
        "regiment",
        "battalion",
        "division",
        "command",
        "committee",
        "commission",
        "cabinet",
        "senate",
        "congress",
        "parliament",
        "ministry",
        "empire",
        "republic",
        "kingdom",
        "federation",
        "alliance",
        "union",
        "order",
        "syndicate",
        "cartel",
        "mafia",
        "mob",
    ]
)
# Ranks and offices the shared title list lacks; with it they open a name.
RANKS = frozenset(
    [
        "group", "brigadier", "squadron", "marshal", "premier", "chancellor",
        "commodore", "ensign", "cadet", "pfc", "cpl", "adm", "maj", "brig",
        "insp", "supt", "superintendent", "constable", "director", "secretary",
        "ambassador", "botschafter", "emperor", "empress", "pope", "cardinal",
        "bishop", "archbishop", "rabbi", "pastor", "friar", "dame", "lt", "col",
        "sgt", "capt", "foreman", "mme", "mlle", "herr", "frau", "senor", "señor",
        "senora", "señora", "signor", "signora",
    ]
)  # fmt: skip
NAME_TITLES = (TITLES - {"young", "old", "little", "big"}) | RANKS
# First words that put a credited person at another age ("Young Carol").
AGE_WORDS = frozenset(
    [
        "young", "younger", "little", "baby", "teen", "teenage", "teenaged",
        "adolescent", "child", "kid", "infant", "older", "old", "elderly",
    ]
)  # fmt: skip
# Person nouns that end code names ("Iron Man", "The Invisible Woman"), and
# the words that make such a noun a description instead ("Bald Man").
CODE_NAME_HEADS = frozenset(["man", "woman", "boy", "girl", "lady", "kid", "guy"])
DESCRIBING_WORDS = frozenset(
    [
        "bald", "fat", "tall", "short", "thin", "big", "small", "angry", "drunk",
        "drunken", "dead", "nice", "mean", "crazy", "funny", "first", "second",
        "third", "fourth", "other", "another", "blind", "sick", "injured", "wounded",
        "rich", "poor", "homeless", "handsome", "pretty", "beautiful", "ugly", "sexy",
        "cute", "lonely", "happy", "sad", "nervous", "scared", "bearded", "blonde",
        "masked", "hooded", "armed", "gay", "black", "white", "asian", "irish",
        "french", "german", "russian", "italian", "mexican", "chinese", "english",
        "british", "american", "japanese", "local", "random", "mysterious", "strange",
    ]
)  # fmt: skip
YOUNG = "young"
OLD = "old"
# What a bracketed note says of the age: "Carol (young)", "Cinderella (10 years)".
_YOUNG_NOTE = re.compile(
    r"\b(young|younger|child|kid|teen|teenage|\d+ ?(years?|yrs?)|age ?\d+)\b",
    re.I,
)
_OLD_NOTE = re.compile(r"\b(old|older|elderly|adult)\b", re.I)
# An age written after the name: "Lucy 18 Months", "Lucy Infant", "Agnis Hamm - Age 12".
_AGE_SUFFIX = re.compile(
    r"\s+(?:infant|toddler|baby|\d+\s*(?:months?|years?|yrs?)(?:\s+old)?|age\s*\d+)\s*$",
    re.I,
)
# A generation after a name belongs to it ("Mr. Dawes, Sr." is not "Mr. Dawes"
# described as "Sr."), and plots and credits spell it both ways.
GENERATIONS = {"junior": "jr", "senior": "sr"}
GENERATION_WORDS = frozenset(["jr", "sr", "ii", "iii", "iv"])
_GENERATION = re.compile(r",\s*((?:Jr|Sr|Junior|Senior|II|III|IV)\.?)(?=\s*(?:$|[,(]))")
_BRACKETS = re.compile(r"\(([^)]*)\)")
_QUOTES = "\"“”‘’'„‚«»"
_NICKNAME = re.compile(rf"(?<!\w)[{_QUOTES}]([^{_QUOTES}]+)[{_QUOTES}](?!\w)")
# Where a part's description starts: "Walt, City Worker", "Chuck - Director".
_DESCRIPTION = re.compile(r",|\s[-–—]\s|:")
_EDGE = "'\"‘’“”„‚«»().,!?#:;"


@dataclass(frozen=True)
class PartName:
    """One name a credit gives: its words, title, nicknames and age."""

    text: str
    title: str
    words: tuple[str, ...]
    nicknames: tuple[tuple[str, ...], ...] = ()
    age: str = ""

    @property
    def forms(self) -> tuple[tuple[str, ...], ...]:
        """Every word sequence the plot may use for this name."""
        return (self.words, *self.nicknames) if self.words else self.nicknames

    @property
    def core(self) -> tuple[str, ...]:
        """The name without the age word it opens with ("Young Carol": carol)."""
        if self.age and len(self.words) > 1 and self.words[0] in AGE_WORDS:
            return self.words[1:]
        return self.words


@dataclass(frozen=True)
class ReadCredit:
    """A credit with the names it gives and the note it carries ("voice")."""

    credit: CastCredit
    parts: tuple[PartName, ...]
    note: str = ""

    @property
    def age(self) -> str:
        """The age every part is credited at, or '' for the adult part."""
        ages = {part.age for part in self.parts}
        return ages.pop() if len(ages) == 1 else ""

    @property
    def words(self) -> frozenset[str]:
        return frozenset(w for part in self.parts for form in part.forms for w in form)

    @property
    def core_words(self) -> frozenset[str]:
        """The name words without age words: what an adult's credit must hold."""
        return frozenset(
            w
            for part in self.parts
            for form in (part.core, *part.nicknames)
            for w in form
        )


def name_word(word: str) -> str:
    """Return a name word as a key: lower case, no dots or edge marks, no 's.

    "A.J." and "AJ" meet as "aj"; "Mongkut's" is "mongkut"; "Brüno" is
    "bruno", since plots and credits do not always keep the accents.
    """
    word = re.sub(r"['’]s$", "", word.strip(_EDGE))
    plain = unicodedata.normalize("NFKD", word.replace(".", "").lower())
    key = "".join(c for c in plain if not unicodedata.combining(c))
    return GENERATIONS.get(key, key)


def split_words(text: str) -> list[str]:
    """Split a name into words, hyphenated ones too ("Jor-El" is Jor and El).

    The parser splits "Jor-El" at its hyphen, so credits must as well.
    """
    return [
        piece for word in text.split() for piece in re.split(r"(?<=\w)-(?=\w)", word)
    ]


def read_credit(
    credit: CastCredit, plot_names: frozenset[str] = frozenset()
) -> ReadCredit:
    """Read every name a credit gives, with its note and age.

    A one-word part that describes ("Driver") names the person where the plot
    writes it as a name (``plot_names``: "the Driver" in mid-sentence).
    """
    text, note, age = _brackets(credit.character)
    parts: list[PartName] = []
    for piece in text.split("/"):
        quoted = _NICKNAME.fullmatch(piece.strip())
        if quoted and parts:
            # "Ernie / 'Ice'": a quoted part is the previous part's nickname.
            nickname = _keys(quoted.group(1))
            parts[-1] = replace(parts[-1], nicknames=(*parts[-1].nicknames, nickname))
        elif (part := read_part(piece, age, alias=bool(parts))) is not None:
            parts.append(part)
        elif piece.strip() in plot_names:
            parts.append(PartName(piece.strip(), "", _keys(piece.strip()), (), age))
    return ReadCredit(credit, tuple(parts), note)


def read_part(piece: str, age: str = "", alias: bool = False) -> PartName | None:
    """Read one slash-separated part; None when it names nobody.

    "General 'Buck' Turgidson" gives Turgidson with title General and
    nickname Buck; "Young Carol" and "Lucy 18 Months" are young; "Bouncer at
    Planet Hollywood" names nobody. An ``alias`` part (after a slash) may
    be a code name such as "Iron Man".
    """
    piece = _GENERATION.sub(r" \1", piece)
    piece, *described = _DESCRIPTION.split(piece, maxsplit=1)
    if described and _is_description(piece) and _is_proper_name(described[0]):
        # "Qing assassin, Sa Zhenchan": the description first, then the name.
        piece, described = described[0], [piece]
    if _AGE_SUFFIX.search(piece) or any(_YOUNG_NOTE.search(d) for d in described):
        age = YOUNG
    piece = _AGE_SUFFIX.sub("", piece)
    # What follows "in", "at"... describes the part: the quotes of 'Old Man
    # in "Singin' in the Rain" Number' are a song, not a nickname.
    piece = " ".join(takewhile(lambda w: w.lower() not in PART_CUTS, piece.split()))
    nicknames = [n.strip() for n in _NICKNAME.findall(piece)]
    name = _NICKNAME.sub(" ", piece)
    words = name.split()
    if not words and nicknames:
        words, nicknames = nicknames[0].split(), nicknames[1:]
    if not (is_named_part(words) or alias and is_code_name(words)):
        return None
    title, words, age = _title_and_age(words, age)
    keys = _keys(" ".join(_without_epithet(words)))
    nickname_keys = tuple(k for nickname in nicknames if (k := _keys(nickname)))
    if not keys and not nickname_keys:
        return None
    return PartName(" ".join(words), title, keys, nickname_keys, age)


def _without_epithet(words: list[str]) -> list[str]:
    """The name without its epithet: "Gandalf the White" is Gandalf, whom the
    plot never calls "White" (that is "Saruman the White" as often)."""
    lowered = [w.lower() for w in words]
    return words[: lowered.index("the")] if "the" in lowered[1:] else words


def _is_description(text: str) -> bool:
    """True for a part with a lower-case word in it: "Qing assassin"."""
    return any(word[:1].islower() for word in text.split())


def _is_proper_name(text: str) -> bool:
    """True for one to three capitalised words: "Sa Zhenchan"."""
    words = text.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)


def is_named_part(words: list[str]) -> bool:
    """Return whether a part's words name someone rather than describe them.

    A part whose last word is a role noun ("Party Patron #2", "Hammer Expo
    Tech") describes a person; "Lt. Greenhill" and "The Red Queen" name one.
    """
    cleaned = [w.strip(_EDGE).lower() for w in words]
    cleaned = [w for w in cleaned if w and not w.isdigit()]
    return bool(cleaned) and cleaned[-1] not in PART_NOUNS | GROUP_WORDS


def is_code_name(words: list[str]) -> bool:
    """True for an alias such as "Iron Man" or "The Invisible Woman".

    After a slash the credits give a person's other name; a person noun
    there is a code name unless an age or a plain description leads it
    ("Young Man in Coffee Shop", "Old Man with Shotgun").
    """
    cleaned = [w.strip(_EDGE).lower() for w in words if w.strip(_EDGE)]
    cleaned = [w for w in cleaned if w != "the"]
    return (
        len(cleaned) >= 2
        and cleaned[-1] in CODE_NAME_HEADS
        and all(w[:1].isupper() for w in words if w.lower() != "the")
        and not set(cleaned[:-1]) & (AGE_WORDS | DESCRIBING_WORDS | PART_NOUNS)
    )


def _keys(name: str) -> tuple[str, ...]:
    """Return the keys of a name's capitalised words ("Sir Lancelot the Brave")."""
    return tuple(
        key
        for word in split_words(name)
        if word.strip(_EDGE)[:1].isupper() and (key := name_word(word)) != "the" and key
    )


def _brackets(character: str) -> tuple[str, str, str]:
    """Read bracketed notes; return the text, the note and any age they give.

    A capitalised bracket that names someone is a named part's other name
    ("Jerry (Daphne)", "Rebecca (Tank Girl)"): a nickname, as if quoted.
    """
    note, age, names = "", "", []
    # "Citizen (Argos)": a bracket after a part that only describes says where
    # the person is from, never who (Clash of the Titans had a character Argos).
    named = read_part(_BRACKETS.sub(" ", character)) is not None
    for inside in _BRACKETS.findall(character):
        lowered = inside.strip().lower()
        if _YOUNG_NOTE.search(lowered):
            age = YOUNG
        elif _OLD_NOTE.search(lowered):
            age = OLD
        elif named and inside.strip()[:1].isupper() and read_part(inside, alias=True):
            names.append(f'"{inside.strip()}"')
        elif not note:
            note = lowered
    text = " / ".join([_BRACKETS.sub(" ", character), *names])
    return " ".join(text.split()), note, age


def _title_and_age(words: list[str], age: str) -> tuple[str, list[str], str]:
    """Split titles off a part's name words and read an opening age word.

    The name starts after the last title before its final word: "CIA
    Director McCone" is McCone, "Second Lt. Evan" is Evan. An age word stays
    in the name ("Baby Suggs" is a name) and marks the age: "Young Carol".
    """
    words = [w for w in words if w.strip(_EDGE)]
    lowered = [w.strip(_EDGE).lower() for w in words]
    cut = 1 + max(
        (n for n, w in enumerate(lowered[:-1]) if w in NAME_TITLES), default=-1
    )
    title, words = " ".join(words[:cut]), words[cut:]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    first = words[0].strip(_EDGE).lower()
    if len(words) > 1 and first in AGE_WORDS:
        age = OLD if first in ("older", "old", "elderly") else YOUNG
    return title, words, age


def read_cast(
    cast: tuple[CastCredit, ...], plot_names: frozenset[str] = frozenset()
) -> list[ReadCredit]:
    """Read every credit that names someone, in billing order."""
    billed = sorted(
        enumerate(cast),
        key=lambda pair: (pair[1].order is None, pair[1].order or 0, pair[0]),
    )
    return [
        read for _, credit in billed if (read := read_credit(credit, plot_names)).parts
    ]
