"""The `spoiler_free` component: premise, protagonists and stakes, nothing later."""

from __future__ import annotations

import math
from dataclasses import replace

from plotguide.engine.compress import MAX_EVENT_WORDS, compress
from plotguide.engine.doc import Sentence, StoryDoc, Token
from plotguide.engine.errors import ComponentError
from plotguide.engine.referents import DEMONSTRATIVES, openings_of
from plotguide.engine.registry import component
from plotguide.engine.story import DERIVED, SOURCE, Character, Line, SpoilerFree

# A sentence with any of these is left out even before the boundary: it
# would tell who dies or who did it.
# A subject that needs the sentence before it to say who it is.
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
POSSESSIVES = frozenset({"his", "her", "their", "its"})
PERSONAL_WORDS = PERSONAL_PRONOUNS | {"his", "hers", "their", "himself", "herself"}
REVEALING_LEMMAS = frozenset(
    [
        "die",
        "death",
        "dead",
        "kill",
        "murder",
        "murderer",
        "killer",
        "suicide",
        "corpse",
        "body",
        "execute",
        "assassinate",
        "reveal",
        "revelation",
        "twist",
        "culprit",
        "responsible",
        "identity",
        "truth",
        "secretly",
        "actually",
        "betray",
        "confess",
        "funeral",
    ]
)
# Of the revealing words, those that tell of a death: they tell whose only
# when a name or a pronoun stands beside them ("he is dead", "her funeral");
# "several dead men" at the scene of a crime is the premise, not its turn.
DEATH_LEMMAS = frozenset(
    ["die", "death", "dead", "corpse", "body", "suicide", "funeral"]
)
KILL_LEMMAS = frozenset(
    [
        "kill",
        "murder",
        "shoot",
        "stab",
        "poison",
        "strangle",
        "execute",
        "assassinate",
        "slay",
        "drown",
    ]
)
CULPRIT_LEMMAS = frozenset({"killer", "murderer", "culprit", "responsible"})
CONFESSION_LEMMAS = frozenset({"confess", "admit"})
STAKES_LEMMAS = frozenset(
    [
        "must",
        "need",
        "try",
        "plan",
        "decide",
        "order",
        "hire",
        "agree",
        "assign",
        "mission",
        "save",
        "find",
        "stop",
        "protect",
        "escape",
        "want",
        "hope",
        "goal",
        "task",
        "job",
        "chance",
        "force",
        "threaten",
        "race",
        "deadline",
        "prove",
        "win",
    ]
)
MAX_PREMISE = 2
SAFE_SHARE = 0.3


@component("spoiler_free", requires=("sentences", "characters", "timeline"))
def build_spoiler_free(doc: StoryDoc) -> StoryDoc:
    """Build the summary only from sentences strictly before the point of no return.

    Names tied to a later killing or reveal are left out, so the summary
    never hints at who did it, even through an innocent early sentence.
    """
    timeline = doc.timeline
    if timeline is None:
        raise ComponentError(
            "Component 'spoiler_free' needs the timeline; put 'timeline' before it "
            "in the pipeline."
        )
    boundary = timeline.spoiler_boundary
    sentences = doc.sentences or ()
    # Annotators never put the point of no return before 23% of a plot;
    # stopping at 30% keeps a late-picked boundary from leaking.
    end = min(boundary, max(1, math.ceil(SAFE_SHARE * len(sentences))))
    characters = doc.characters or ()
    hidden = _revealed_names(sentences, characters, boundary, end)
    names = openings_of(doc).names
    allowed = [
        s
        for s in sentences
        if s.id < end
        and s.tokens
        and not s.is_fragment
        and not _reveals(s, names[s.id])
        and not any(name in s.text for name in hidden)
    ]
    tp1 = next((tp.sentence for tp in timeline.turning_points if tp.key == "tp1"), 0)
    premise = [s for s in allowed if s.id <= max(tp1, 1)][:MAX_PREMISE] or allowed[:1]
    premise = _with_antecedents(premise, allowed)
    # One paragraph: who it follows (when the premise does not name them),
    # the premise, then the stakes; long sentences lose their side clauses.
    lines = [_line(s) for s in premise]
    follows = _follows(characters, sentences, end, hidden)
    told = " ".join(line.text for line in lines)
    if follows and not all(
        any(form in told for form in (c.name, *c.aliases))
        for c in characters
        if c.name in follows.text
    ):
        lines.insert(0, follows)
    used = {s.id for s in premise}
    stakes = next(
        (
            s
            for s in allowed
            if s.id not in used
            and s.lemmas() & STAKES_LEMMAS
            and (s.id - 1 in used or not _subject_is_a_pronoun(s))
        ),
        None,
    )
    if stakes:
        lines.append(_line(stakes))
    note = (
        ""
        if lines
        else "Not enough plot before the point of no return for a spoiler-free summary."
    )
    return replace(doc, spoiler_free=SpoilerFree(tuple(lines), boundary, note))


def _reveals(sentence: Sentence, names: dict[int, str]) -> bool:
    """True when the sentence has a revealing word that may tell on someone
    (names maps the sentence's tokens that name a character)."""
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        lemma = token.lemma.lower()
        if lemma not in REVEALING_LEMMAS:
            continue
        if lemma not in DEATH_LEMMAS or _tells_whose(tokens, index, names):
            return True
    return False


def _tells_whose(tokens: tuple[Token, ...], index: int, names: dict[int, str]) -> bool:
    """True when a character's name or a personal pronoun is the word's head,
    its sibling or its child: "he is dead", "Moss's body", "her funeral"."""
    head = tokens[index].head
    near = {head, index} | {
        i for i, t in enumerate(tokens) if t.head in (index, head) and i != head
    }
    return any(i in names or tokens[i].text.lower() in PERSONAL_WORDS for i in near)


def _revealed_names(
    sentences: tuple[Sentence, ...],
    characters: tuple[Character, ...],
    boundary: int,
    window: int,
) -> frozenset[str]:
    """Return every form of the names of late killers and culprits.

    Victims stay nameable (their death is never stated); the one who kills
    or is unmasked after the boundary does not appear at all, unless the
    summary's own window (the sentences before ``window``) already shows
    them killing: X-Men: First Class's Shaw kills Colonel Hendry in the
    first quarter, and a premise without its villain tells nothing.
    """

    def named_in(sentence: Sentence) -> set[Character]:
        return {
            c
            for text in _culprit_spans(sentence)
            for c in characters
            if c.role != "protagonist"
            and any(form in text for form in (c.name, *c.aliases))
        }

    late = {c for s in sentences if s.id >= boundary for c in named_in(s)}
    open_villains = {c for s in sentences if s.id < window for c in named_in(s)}
    return frozenset(
        form for c in late - open_villains for form in (c.name, *c.aliases)
    )


def _culprit_spans(sentence: Sentence) -> list[str]:
    """Return who kills (active subject or passive agent) or is unmasked.

    Only the doer's own name counts: in "Ron is nearly killed by a drink
    intended for Dumbledore" the drink kills, not Dumbledore; in "Draco was
    responsible for two attempts on Dumbledore's life", Draco is the culprit.
    """
    tokens = sentence.tokens
    spans = []
    for index, token in enumerate(tokens):
        lemma = token.lemma.lower()
        if lemma in KILL_LEMMAS | CONFESSION_LEMMAS and token.pos == "VERB":
            spans += [_name_text(tokens, doer) for doer in _doers(tokens, index)]
        if lemma in CULPRIT_LEMMAS:
            holder = token.head if token.dep in ("acomp", "attr") else index
            subjects = [
                i
                for i, t in enumerate(tokens)
                if t.head == holder and t.dep in ("nsubj", "nsubjpass", "appos")
            ]
            # "the killer, who ...": no subject to name, so nobody in the
            # sentence may appear.
            spans += [_name_text(tokens, i) for i in subjects] or [sentence.text]
    return spans


def _doers(tokens: tuple[Token, ...], verb: int) -> list[int]:
    """Return who does the verb: its subject, the noun of its "by", or, for
    a participle without either, its clause's subject ("Snape arrives and
    casts the curse, killing Dumbledore")."""
    # ", killing Dumbledore" only: "decides killing him will end it" and
    # "begin shooting" are plans and starts, not deeds.
    participle = tokens[verb].tag == "VBG" and tokens[verb].dep == "advcl"
    for _ in range(len(tokens)):
        children = [i for i, t in enumerate(tokens) if t.head == verb and i != verb]
        subjects = [i for i in children if tokens[i].dep == "nsubj"]
        subjects += [
            i
            for agent in children
            if tokens[agent].dep == "agent"
            for i, t in enumerate(tokens)
            if t.head == agent and t.dep == "pobj"
        ]
        token = tokens[verb]
        # Only a participle borrows a subject: in "Liz tries ... and is
        # killed" or "Peter leaves before the Wolf attacks and murders
        # Adrian", the subject up the parse is the victim or a misparse.
        if subjects or not participle:
            return subjects
        if token.dep not in ("advcl", "conj") or token.head == verb:
            return []
        verb = token.head
    return []


def _name_text(tokens: tuple[Token, ...], index: int) -> str:
    """A noun with its compounds and conjuncts: "Sebastian Shaw", "Azazel
    and Riptide", without the clauses that describe it."""
    inside = {index}
    for _ in range(len(tokens)):
        more = {
            i
            for i, t in enumerate(tokens)
            if t.head in inside
            and i not in inside
            and t.dep in ("compound", "flat", "conj", "cc", "appos", "poss", "amod")
        }
        if not more:
            break
        inside |= more
    return " ".join(tokens[i].text for i in sorted(inside))


def _with_antecedents(
    premise: list[Sentence], allowed: list[Sentence]
) -> list[Sentence]:
    """Leave out a sentence whose subject is "he" or "she" when the sentence
    before it in the plot is left out: the pronoun would read as whoever the
    paragraph named last ("When he gets back home he grabs the cash" after a
    line about the sheriff, when "he" is Moss). When that leaves nothing, the
    first allowed sentence that names its subject opens the summary."""
    kept: list[Sentence] = []
    for sentence in premise:
        previous = bool(kept) and kept[-1].id == sentence.id - 1
        if previous or not _subject_is_a_pronoun(sentence):
            kept.append(sentence)
    if kept:
        return kept
    named = next((s for s in allowed if not _subject_is_a_pronoun(s)), None)
    return [named] if named else premise[:1]


def _subject_is_a_pronoun(sentence: Sentence) -> bool:
    """True when the subject points back: "he", "they", "this owner", or
    "their story" (L.A. Confidential's spoiler-free summary opened on "Their
    story expands to encompass organized crime", whose officers it had left
    out)."""
    tokens = sentence.tokens
    root = next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)
    subjects = {
        i
        for i, t in enumerate(tokens)
        if t.dep in ("nsubj", "nsubjpass") and (t.head == root or i < 6)
    }
    # "Their story", but not "His best friend Harry Osborn", who is named.
    owned = {
        i
        for i in subjects
        if tokens[i].head == root
        and tokens[i].pos == "NOUN"
        and not any(t.head == i and t.pos == "PROPN" for t in tokens)
    }
    return (
        bool(tokens)
        and tokens[0].text in DEMONSTRATIVES
        or any(tokens[i].text.lower() in PERSONAL_PRONOUNS for i in subjects)
        or any(
            t.dep == "poss" and t.head in owned and t.text.lower() in POSSESSIVES
            for t in tokens
        )
    )


def _acts_in(sentence: Sentence, character: Character) -> bool:
    """Whether a word of the character's name is the subject of the main clause
    ("he meets his neighbour Irene when Irene has car trouble" is not hers)."""
    words = {w for name in (character.name, *character.aliases) for w in name.split()}
    tokens = sentence.tokens
    root = next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)
    subjects = {
        i
        for i, t in enumerate(tokens)
        if t.dep in ("nsubj", "nsubjpass") and t.head == root
    }
    # "Irene and Shannon drive": a conjunct of the subject is a subject too.
    subjects |= {
        i for i, t in enumerate(tokens) if t.dep == "conj" and t.head in subjects
    }
    named = {i for i in subjects if tokens[i].text in words}
    return bool(named) or any(
        t.head in subjects and t.dep == "compound" and t.text in words for t in tokens
    )


def _line(sentence: Sentence) -> Line:
    text = compress(sentence, MAX_EVENT_WORDS)
    return Line(text, (sentence.id,), SOURCE if text == sentence.text else DERIVED)


def _follows(
    characters: tuple[Character, ...],
    sentences: tuple[Sentence, ...],
    boundary: int,
    hidden: frozenset[str],
) -> Line | None:
    """ "The story follows Sethe": only for a lead who acts where first named,
    so the cited sentence shows them at the centre (a daughter named in her
    mother's sentence is not whom the story follows)."""
    by_id = {s.id: s for s in sentences if not s.is_fragment}
    leads = [
        c
        for c in characters
        if c.role == "protagonist"
        and c.mentions[0] < boundary
        and c.name not in hidden
        and c.mentions[0] in by_id
        and _acts_in(by_id[c.mentions[0]], c)
    ]
    if not leads:
        return None
    names = " and ".join(c.name for c in leads)
    sources = tuple(sorted({c.mentions[0] for c in leads}))
    return Line(f"The story follows {names}.", sources, DERIVED)
