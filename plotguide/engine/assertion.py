"""Whether a sentence asserts that a clause's event happens.

"Ron is nearly killed", "Vargas tries to kill Bond", "Harry believes Draco is
dead", "if Kit dies the deal ends" and "Mara does not die" all contain an event
that does not happen. A claim the engine derives from a clause (a fate, an
event title, a quiz answer) is made only when this module says the clause is
asserted, or, for titles, with the words that keep it honest ("is nearly
killed", "could die").
"""

from __future__ import annotations

from plotguide.engine.doc import Token

NEGATED = "negated"
MODAL = "modal"
HEDGED = "hedged"
UNREAL = "not asserted"

MODALS = frozenset(
    ["can", "could", "may", "might", "must", "shall", "should", "will", "would",
     "ought", "'ll", "'d"]
)  # fmt: skip
HEDGES = frozenset(
    [
        "nearly",
        "almost",
        "hardly",
        "scarcely",
        "barely",
        "narrowly",
        "apparently",
        "seemingly",
        "supposedly",
        "allegedly",
        "presumably",
        "probably",
        "possibly",
        "perhaps",
        "maybe",
        "reportedly",
        "partially",
        "falsely",
        "wrongly",
    ]
)
# Verbs whose complement need not happen: attempts, plans, wishes, beliefs,
# appearances, orders and refusals ("tries to kill", "believes she is dead").
NONFACTIVE = frozenset(
    [
        "try", "attempt", "plan", "want", "intend", "threaten", "hope", "wish",
        "seek", "pretend", "believe", "think", "assume", "presume", "fear",
        "suspect", "claim", "allege", "imagine", "dream", "expect", "plot",
        "scheme", "vow", "swear", "decide", "agree", "offer", "promise", "order",
        "ask", "beg", "convince", "persuade", "urge", "refuse", "fail", "seem",
        "appear", "mean", "prepare", "arrange", "conspire", "fake", "aim",
        "struggle", "need", "demand", "insist", "suggest", "propose", "advise",
        "encourage", "tell", "warn", "dare", "hire", "send", "train", "wait",
        "consider", "contemplate", "debate", "imply", "hint", "rumor", "rumour",
        "guess", "doubt", "deny", "lie", "worry", "dread", "bet", "predict",
        "foresee", "hallucinate", "wonder", "like", "love", "hate", "prefer",
        "choose", "volunteer", "resolve", "determine", "set", "rush", "race",
        "risk", "assure",
    ]
)  # fmt: skip
# Verbs whose "from ...ing" does not happen: "stops Melina from killing Kristatos".
PREVENTIVE = frozenset(
    [
        "stop", "prevent", "keep", "save", "dissuade", "discourage", "prohibit",
        "bar", "ban", "forbid", "deter", "restrain", "spare", "block", "talk",
    ]
)  # fmt: skip
# Nouns of the same kind: "an attempt to kill him", "a plan to rob the bank".
NONFACTIVE_NOUNS = frozenset(
    [
        "attempt", "plan", "plot", "scheme", "effort", "bid", "desire", "wish",
        "hope", "threat", "order", "offer", "promise", "intention", "belief",
        "rumor", "rumour", "claim", "dream", "fantasy", "idea", "chance",
        "opportunity", "way", "decision", "mission", "job", "task", "contract",
        "conspiracy", "request", "demand", "need", "fear", "vision", "nightmare",
    ]
)  # fmt: skip
# Adjectives and accusations whose complement need not happen: "keen on
# arresting him", "ready to leave", "accused of murdering Carl".
NONFACTIVE_WORDS = frozenset(
    [
        "keen", "eager", "ready", "willing", "determined", "about", "able",
        "unable", "afraid", "likely", "supposed", "desperate", "anxious",
        "accuse", "charge", "blame", "frame", "suspicion", "accusation",
        "suspected", "accused", "intent", "bent", "poised", "set",
    ]
)  # fmt: skip
NOMINAL = frozenset(
    {"dobj", "nsubj", "nsubjpass", "attr", "appos", "oprd", "dative", "npadvmod"}
)
CONDITIONS = frozenset(["if", "unless", "whether", "lest", "though", "although"])
SUBJECTS = frozenset(["nsubj", "nsubjpass", "csubj", "expl"])
INVERTING = frozenset(["had", "were", "should"])


def why_not_asserted(tokens: tuple[Token, ...], verb: int) -> str:
    """Return why the clause headed by ``verb`` is not a plain fact, or ''.

    A clause told inside a frame (plotguide/engine/frames.py) is never a
    fact. The clause's own negation, modal auxiliary or hedge comes next;
    then each clause above it (through coordination and complements) is
    read for non-factive verbs or nouns, conditions and infinitives.
    """
    if tokens[verb].framed:
        # Told in a dream, an alternate world or an excuse (frames.py).
        return UNREAL
    own = _own_modality(tokens, verb)
    if own in (MODAL, UNREAL):
        return own
    if _offers_a_choice(tokens, verb):
        return UNREAL
    # "persuades her that the authorities cannot protect her": a negation or
    # a hedge under a persuasion is still only what was argued.
    return _governing_modality(tokens, verb) or own


def _governing_modality(tokens: tuple[Token, ...], verb: int) -> str:
    """Read the clauses above ``verb`` for what keeps it from being a fact."""
    index, seen = verb, {verb}
    while True:
        token = tokens[index]
        head = token.head
        if head == index or head in seen:
            return ""
        seen.add(head)
        governor = tokens[head]
        lemma = governor.lemma.lower()
        if _offers_a_choice(tokens, head):
            return UNREAL
        if token.dep == "conj":
            if _is_stray_bare_verb(tokens, index):
                return UNREAL
            index = head
            own = _own_modality(tokens, index)
            if own:
                return own
            continue
        if token.dep in NOMINAL:
            # "trying to stop felons murdering a Newcomer": the noun's clause
            # is read in turn.
            index = head
            continue
        if token.dep in ("pcomp", "pobj", "prep"):
            # "keen on arresting Miller", "accuses Kazuo of murdering Carl",
            # "a dream sequence where, after killing Jason, ...".
            if _is_unreal_word(governor) or _has_unreal_compound(tokens, head):
                return UNREAL
            if token.text.lower() == "from" and lemma in PREVENTIVE:
                return UNREAL
            index = head
            continue
        if token.dep in ("xcomp", "ccomp", "advcl", "acl", "relcl", "csubj"):
            marks = {
                tokens[i].lemma.lower()
                for i, t in enumerate(tokens)
                if t.head == index and t.dep in ("mark", "aux", "advmod")
            }
            if marks & CONDITIONS:
                return UNREAL
            if token.dep in ("acl", "relcl") and (
                lemma in NONFACTIVE_NOUNS or _has_unreal_compound(tokens, head)
            ):
                return UNREAL
            if lemma in NONFACTIVE and token.dep != "relcl":
                return UNREAL
            infinitive = token.dep in ("advcl", "acl", "xcomp") and _is_infinitive(
                tokens, index
            )
            if infinitive and lemma not in IMPLICATIVE:
                return UNREAL
            if token.dep in ("xcomp", "ccomp"):
                own = _own_modality(tokens, head)
                if own:
                    return own
            index = head
            continue
        return ""


# Verbs whose infinitive complement does happen: "manages to escape".
IMPLICATIVE = frozenset(
    [
        "manage", "get", "happen", "begin", "start", "continue", "proceed",
        "come", "turn", "remember", "bother", "help", "use", "stop", "cause",
        "force", "make", "compel", "lead",
    ]
)  # fmt: skip


def _is_unreal_word(token: Token) -> bool:
    lemma = token.lemma.lower()
    return lemma in NONFACTIVE or lemma in NONFACTIVE_NOUNS or lemma in NONFACTIVE_WORDS


def _has_unreal_compound(tokens: tuple[Token, ...], noun: int) -> bool:
    """A "dream sequence" or "murder plan" is as unreal as a dream or a plan."""
    return any(
        t.head == noun and t.dep == "compound" and t.lemma.lower() in NONFACTIVE_NOUNS
        for t in tokens
    )


def is_asserted(tokens: tuple[Token, ...], verb: int) -> bool:
    """True when the sentence says the clause's event happens, unqualified."""
    return not why_not_asserted(tokens, verb)


def _own_modality(tokens: tuple[Token, ...], verb: int) -> str:
    children = [t for i, t in enumerate(tokens) if t.head == verb and i != verb]
    if any(t.dep == "neg" for t in children):
        return NEGATED
    if any(t.dep in ("aux", "auxpass") and t.text.lower() in MODALS for t in children):
        return MODAL
    if any(t.dep == "advmod" and t.text.lower() in HEDGES for t in children):
        return HEDGED
    if _is_inverted_condition(tokens, verb) or _in_scare_quotes(tokens, verb):
        return UNREAL
    return ""


def _in_scare_quotes(tokens: tuple[Token, ...], verb: int) -> bool:
    """True for "helps 'kill' Michael": a verb quoted alone is said, not done."""
    return (
        0 < verb < len(tokens) - 1
        and tokens[verb - 1].tag == "``"
        and tokens[verb + 1].tag == "''"
    )


def _is_inverted_condition(tokens: tuple[Token, ...], verb: int) -> bool:
    """True for "had they killed the Wolf, ...": an auxiliary before its
    subject, with no question mark, is an "if"."""
    auxiliaries = [
        i
        for i, t in enumerate(tokens)
        if t.head == verb and t.dep == "aux" and t.text.lower() in INVERTING
    ]
    subjects = [i for i, t in enumerate(tokens) if t.head == verb and t.dep in SUBJECTS]
    return (
        bool(auxiliaries and subjects)
        and auxiliaries[0] < subjects[0]
        and not any(t.text == "?" for t in tokens)
    )


def _offers_a_choice(tokens: tuple[Token, ...], verb: int) -> bool:
    """True for a verb joined to another by "or": "cooperates or risks
    Capricorn killing Resa" says neither happens."""
    children = [t for t in tokens if t.head == verb and t is not tokens[verb]]
    return any(t.dep == "cc" and t.text.lower() == "or" for t in children) and any(
        t.dep == "conj" and t.pos in ("VERB", "AUX") for t in children
    )


def _is_stray_bare_verb(tokens: tuple[Token, ...], verb: int) -> bool:
    """True for a bare verb the parse joined to a finite one: in "Gollum vows
    ... and plans to have "her" kill Frodo", "kill" hangs from "vows", but
    "vows ... and kill" cannot be one subject's two deeds; the verb belongs
    to an infinitive or a "have her ..." the parse lost."""
    token, governor = tokens[verb], tokens[tokens[verb].head]
    own_subject = any(t.head == verb and t.dep in SUBJECTS for t in tokens)
    return token.tag == "VB" and governor.tag in ("VBZ", "VBD") and not own_subject


def _is_infinitive(tokens: tuple[Token, ...], verb: int) -> bool:
    return any(
        t.head == verb and t.dep == "aux" and t.text.lower() == "to" for t in tokens
    )
