"""Who the story follows and who works against them, from evidence shown.

The protagonist is the top-billed credit unless the plot barely names
them or another credited character carries the plot (named more, and the
subject twice as often, or more often and named first for a lead), then
the most salient of the credited leads (the first three billed),
billing weighing in, or the most salient character when the credits name no
lead the plot uses. An antagonist needs two asserted hostile acts ("Alex
attacks Dan", not "Alex tries to kill Dan"), one of them against the
protagonist; on thinner evidence nobody is labelled one. The top-billed
credit is never the antagonist.
"""

from __future__ import annotations

from dataclasses import dataclass

from plotguide.engine.assertion import is_asserted
from plotguide.engine.doc import Sentence, Token
from plotguide.engine.names import PERSON_NOUNS, Mention

PROTAGONIST = "protagonist"
ANTAGONIST = "antagonist"
SUPPORTING = "supporting"

# The first three billed credits are the leads; a lead's salience is
# multiplied by its billing weight when the protagonist is chosen.
LEAD_WEIGHTS = (1.5, 1.2, 1.0)
# The top-billed credit is the protagonist with at least this share of the
# most salient character's salience.
TOP_BILLED_SHARE = 0.5
# A lead whose salience is under this share of the most salient character's
# is not the protagonist: the plot follows someone else.
LEAD_MIN_SHARE = 0.35
# The top-billed credit is not whom the story follows when another lead is
# named more and is the subject of a clause this many times as often: The
# Last King of Scotland bills Idi Amin first and follows Garrigan.
SUBJECT_LEAD = 2
MIN_HOSTILE_ACTS = 2
# Subject pronouns that must follow a character's lone mentions to know
# their gender (with a three-to-one majority).
GENDER_VOTES = 2
# How many sentences back a pronoun may look for the character it stands for.
LOOK_BACK = 3
HOSTILE_LEMMAS = frozenset(
    [
        "kill", "murder", "attack", "threaten", "kidnap", "betray", "chase",
        "shoot", "stab", "poison", "torture", "blackmail", "rob", "frame", "hunt",
        "capture", "abduct", "strangle", "ambush", "assault", "rape", "stalk",
        "harass", "beat", "wound", "injure", "trap", "imprison", "drug",
        "sabotage", "double-cross", "terrorize", "terrorise", "hurt", "drown",
        "bomb", "extort",
    ]
)  # fmt: skip


@dataclass(frozen=True)
class Candidate:
    """What the roles are read from: one character's mentions and standing."""

    mentions: tuple[Mention, ...]
    salience: float
    rank: int | None
    subjects: int = 0


def assign_roles(
    candidates: list[Candidate], sentences: tuple[Sentence, ...]
) -> list[str]:
    """Return a role per candidate (candidates come most salient first)."""
    roles = [SUPPORTING] * len(candidates)
    if not candidates:
        return roles
    acts = hostile_acts(candidates, sentences)
    hero = protagonist(candidates, _doing_harm(acts))
    roles[hero] = PROTAGONIST
    villain = antagonist(candidates, hero, acts)
    if villain is not None:
        roles[villain] = ANTAGONIST
    return roles


def protagonist(
    candidates: list[Candidate], harmful: frozenset[int] = frozenset()
) -> int:
    """Return the index of the character the story follows.

    The top-billed credit, when the plot gives them at least half the
    salience of its most salient character; else the most salient lead
    (billing weighing in); else the most salient character. Either way,
    unless another credited character carries the plot who is not among
    the ``harmful`` (Halloween 4's Michael Myers is named most and does
    most, and the story follows Jamie).
    """
    top = max(c.salience for c in candidates)
    for n, c in enumerate(candidates):
        if c.rank == 0 and c.salience >= TOP_BILLED_SHARE * top:
            return _told_through(candidates, n, harmful)
    leads = [
        (c.salience * LEAD_WEIGHTS[c.rank], n)
        for n, c in enumerate(candidates)
        if c.rank is not None
        and c.rank < len(LEAD_WEIGHTS)
        and c.salience >= LEAD_MIN_SHARE * top
    ]
    if not leads:
        return max(range(len(candidates)), key=lambda n: candidates[n].salience)
    lead = max(leads, key=lambda pair: (pair[0], -pair[1]))[1]
    return _told_through(candidates, lead, harmful)


def _told_through(
    candidates: list[Candidate], chosen: int, harmful: frozenset[int]
) -> int:
    """Return the character the plot is told through: the one chosen, unless
    another credited character, not among the ``harmful``, carries the plot.

    They carry it when named more and doing SUBJECT_LEAD times as much
    (Almost Famous bills William Miller fifth); as a lead, when named more,
    doing more and named first; or when named as much as a chosen one who
    does harm (Friday the 13th Part VII bills Jason Voorhees first).
    """
    billed = candidates[chosen]
    villain = chosen in harmful

    def carries(c: Candidate) -> bool:
        if villain and c.salience >= billed.salience:
            return True
        return (
            c.salience > billed.salience
            and c.subjects > billed.subjects
            and (
                c.subjects >= SUBJECT_LEAD * max(billed.subjects, 1)
                or (
                    c.rank is not None
                    and c.rank < len(LEAD_WEIGHTS)
                    and _first_named(c) < _first_named(billed)
                )
            )
        )

    followed = [
        n
        for n, c in enumerate(candidates)
        if c.rank is not None and n != chosen and n not in harmful and carries(c)
    ]
    return followed[0] if followed else chosen


def _first_named(candidate: Candidate) -> int:
    """The sentence where the plot first names the character."""
    return min((m.sentence for m in candidate.mentions), default=0)


def _doing_harm(acts: list[Act]) -> frozenset[int]:
    """The characters who do MIN_HOSTILE_ACTS asserted hostile acts or more."""
    return frozenset(
        n for n, own in _deeds(acts).items() if len(own) >= MIN_HOSTILE_ACTS
    )


def _deeds(acts: list[Act]) -> dict[int, set[tuple[int, int]]]:
    """Each doer's distinct hostile acts, as (sentence, verb)."""
    done: dict[int, set[tuple[int, int]]] = {}
    for act in acts:
        done.setdefault(act.doer, set()).add((act.sentence, act.verb))
    return done


def antagonist(candidates: list[Candidate], hero: int, acts: list[Act]) -> int | None:
    """Return who works against the protagonist, when the plot shows it.

    The antagonist does at least MIN_HOSTILE_ACTS asserted hostile acts, one
    of them against the protagonist or a relative of theirs: a heroine who
    shoots the monster once, at the end, is not the antagonist. The most
    such acts wins. The protagonist and the top-billed credit never are.
    """
    best = None
    deeds = _deeds(acts)
    for doer in range(len(candidates)):
        if doer == hero or candidates[doer].rank == 0:
            continue
        own = deeds.get(doer, set())
        against = any(act.doer == doer and act.victim == hero for act in acts)
        enough = against and len(own) >= MIN_HOSTILE_ACTS
        if enough and (best is None or len(own) > best[0]):
            best = (len(own), doer)
    return None if best is None else best[1]


@dataclass(frozen=True)
class Act:
    """One asserted hostile act: where, which verb, who did it, to whom."""

    sentence: int
    verb: int
    doer: int
    victim: int | None


def hostile_acts(
    candidates: list[Candidate], sentences: tuple[Sentence, ...]
) -> list[Act]:
    """Return every asserted hostile act a character does.

    The doer is the subject of a hostile verb ("Alex attacks Dan") or its
    agent ("Dan is attacked by Alex"); the victim is its object or passive
    subject, or that object's relative ("kidnaps Dan's daughter"), or None
    when that is no character ("kills the dealers"). Doer and victim may be
    pronouns standing for characters named just before.
    """
    reader = _Reader(candidates, sentences)
    found = []
    for sentence in sentences:
        tokens = sentence.tokens
        for verb, token in enumerate(tokens):
            if token.lemma.lower() not in HOSTILE_LEMMAS or token.pos != "VERB":
                continue
            if not is_asserted(tokens, verb):
                continue
            objects = _victims(tokens, verb)
            victims = {reader.who(sentence.id, i) for i in objects} or {None}
            for doer in {reader.who(sentence.id, i) for i in _doers(tokens, verb)}:
                if doer is not None and objects:
                    found += [
                        Act(sentence.id, verb, doer, victim)
                        for victim in victims - {doer}
                    ]
    return found


def _doers(tokens: tuple[Token, ...], verb: int) -> list[int]:
    """Return the verb's subject, its agent, or a coordinated verb's subject."""
    own = [
        i
        for i, t in enumerate(tokens)
        if t.head == verb and i != verb and t.dep in ("nsubj", "agent")
    ]
    own = [
        next((j for j, t in enumerate(tokens) if t.head == i and t.dep == "pobj"), i)
        if tokens[i].dep == "agent"
        else i
        for i in own
    ]
    if own or tokens[verb].dep != "conj" or _has_subject(tokens, verb):
        return own
    return _doers(tokens, tokens[verb].head)


def _has_subject(tokens: tuple[Token, ...], verb: int) -> bool:
    """True for a verb with a subject of its own ("Mosley is wounded")."""
    return any(t.head == verb and t.dep in ("nsubj", "nsubjpass") for t in tokens)


def _victims(tokens: tuple[Token, ...], verb: int) -> set[int]:
    """Return the verb's objects (and passive subjects) and their owners."""
    objects = {
        i
        for i, t in enumerate(tokens)
        if t.head == verb and i != verb and t.dep in ("dobj", "nsubjpass")
    }
    objects |= {
        i
        for i, t in enumerate(tokens)
        if t.dep == "pobj"
        and tokens[t.head].head == verb
        and tokens[t.head].dep == "prep"
        and tokens[t.head].text.lower() in ("at", "against", "upon")
    }
    owners = {
        i
        for i, t in enumerate(tokens)
        if t.dep == "poss"
        and t.head in objects
        and tokens[t.head].lemma.lower() in PERSON_NOUNS
    }
    return objects | owners


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
GENDERED_WORDS = {
    **dict.fromkeys(
        ["mr", "sir", "lord", "king", "prince", "father", "brother", "uncle",
         "man", "boy", "husband", "son", "boyfriend", "widower", "monsieur",
         "herr", "senor", "señor", "signor", "grandfather", "nephew", "actor",
         "businessman", "policeman", "gentleman", "duke", "count", "baron"],
        "m",
    ),
    **dict.fromkeys(
        ["mrs", "ms", "miss", "lady", "queen", "princess", "mother", "sister",
         "aunt", "woman", "girl", "wife", "daughter", "girlfriend", "widow",
         "madame", "mme", "mlle", "frau", "senora", "señora", "signora",
         "grandmother", "niece", "actress", "businesswoman", "duchess",
         "countess", "baroness", "dame"],
        "f",
    ),
}  # fmt: skip


class _Reader:
    """Who a name or a pronoun stands for, one sentence at a time.

    A pronoun stands for a character named before it, in the sentence or the
    last sentence before it that names anyone (at most LOOK_BACK back): the
    only one not known to be of the other gender ("Dan ... Alex. She stalks
    him": she is Alex, him is Dan), else the latest known to be of its own.
    """

    def __init__(self, candidates: list[Candidate], sentences: tuple[Sentence, ...]):
        self.sentences = sentences
        self.at = {
            (m.sentence, i): n
            for n, c in enumerate(candidates)
            for m in c.mentions
            for i in range(m.start, m.end)
        }
        self.genders = _genders(self.at, sentences)

    def who(self, sentence: int, index: int) -> int | None:
        if (sentence, index) in self.at:
            return self.at[(sentence, index)]
        wanted = PRONOUN_GENDER.get(self.sentences[sentence].tokens[index].text.lower())
        if wanted is None:
            return None
        earlier = [s for s, _ in self.at if sentence - LOOK_BACK <= s < sentence]
        last = max(earlier, default=-1)
        before = sorted(
            ((s, i), n)
            for (s, i), n in self.at.items()
            if (s == sentence and i < index) or s == last
        )
        fitting = [n for _, n in before if self.genders.get(n, wanted) == wanted]
        if len(set(fitting)) == 1:
            return fitting[0]
        known = [n for n in fitting if self.genders.get(n) == wanted]
        return known[-1] if known else None


def _genders(
    at: dict[tuple[int, int], int], sentences: tuple[Sentence, ...]
) -> dict[int, str]:
    """Guess "m" or "f" per character from what the plot says of them.

    Votes: the he/she after a sentence naming only them (in it, or opening
    the next if that names nobody); "his"/"her" on the object of a verb they
    are the subject of ("Dan moves his family"); a gendered title or noun
    beside their name ("Mrs. Ames", "Beth, his wife", "Alex is a woman").
    """
    votes: dict[int, list[int]] = {}
    for sentence, index, gender in _gender_clues(at, sentences):
        n = at[(sentence, index)]
        votes.setdefault(n, [0, 0])[gender == "f"] += 1
    genders = {}
    for n, (male, female) in votes.items():
        if male >= GENDER_VOTES and male >= 3 * female:
            genders[n] = "m"
        elif female >= GENDER_VOTES and female >= 3 * male:
            genders[n] = "f"
    return genders


def _gender_clues(
    at: dict[tuple[int, int], int], sentences: tuple[Sentence, ...]
) -> list[tuple[int, int, str]]:
    """Return (sentence, name token, "m"/"f") for every gender clue."""
    named: dict[int, dict[int, int]] = {}
    for (sentence, index), n in at.items():
        named.setdefault(sentence, {})[index] = n
    clues = []
    for sentence, names in named.items():
        tokens = sentences[sentence].tokens
        for index in names:
            clues += [(sentence, index, g) for g in gender_clues(tokens, index)]
        if len(set(names.values())) != 1:
            continue
        first = min(names)
        following = list(tokens[first:])
        if sentence + 1 < len(sentences) and sentence + 1 not in named:
            following += sentences[sentence + 1].tokens[:3]
        clues += [
            (sentence, first, PRONOUN_GENDER[t.text.lower()])
            for t in following
            if t.dep in ("nsubj", "nsubjpass") and t.text.lower() in ("he", "she")
        ]
    return clues


def gender_clues(tokens: tuple[Token, ...], index: int) -> list[str]:
    """Gender clues around one name token: titles, nouns, own possessives."""
    clues = []
    token = tokens[index]
    for i, t in enumerate(tokens):
        lower = t.text.lower().rstrip(".")
        if (
            t.head == index
            and lower in GENDERED_WORDS
            and t.dep in ("compound", "appos")
        ):
            clues.append(GENDERED_WORDS[lower])
        if i == token.head and token.dep == "appos" and lower in GENDERED_WORDS:
            clues.append(GENDERED_WORDS[lower])
    if token.dep == "nsubj":
        verb = token.head
        for t in tokens:
            lower = t.lemma.lower()
            if t.dep == "attr" and t.head == verb and lower in GENDERED_WORDS:
                clues.append(GENDERED_WORDS[lower])
            owned = tokens[t.head]
            if (
                t.dep == "poss"
                and t.text.lower() in ("his", "her")
                and owned.dep in ("dobj", "pobj")
                and (owned.head == verb or tokens[owned.head].head == verb)
            ):
                clues.append(PRONOUN_GENDER[t.text.lower()])
    return clues
