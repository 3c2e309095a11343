"""Short event titles ("Dodd orders Raynor to pick a partner") from the parse.

A title is one clause of its sentence, cut to its core: subject, main verb in
the present tense, then the object or complement (a particle, a second
object, "to" and a complement verb with its object, the core of a reported
clause, or a short prepositional phrase when nothing else follows the verb).
Every word comes from the sentence, or from the name of the character a
pronoun stands for; "is", "does not" and "to" are template words.
"""

from __future__ import annotations

from typing import NamedTuple

from plotguide.engine.assertion import (
    CONDITIONS,
    HEDGES,
    MODAL,
    MODALS,
    UNREAL,
    why_not_asserted,
)
from plotguide.engine.compress import compress
from plotguide.engine.doc import Sentence, Token, glued_hyphen
from plotguide.engine.text import capitalised, third_person

MAX_TITLE_WORDS = 8
OPENING_WORDS = 10
SUBJECTS = ("nsubj", "nsubjpass")
OBJECTS = ("dobj", "attr", "acomp", "oprd")
# Verbs whose reported clause may be false: what is said, not what is so.
SAYING = frozenset(
    {
        "say", "yell", "shout", "scream", "cry", "claim", "tell", "announce",
        "insist", "lie", "whisper", "exclaim", "declare", "swear", "boast",
        "allege", "pretend", "write", "reply", "answer", "explain", "assure",
    }
)  # fmt: skip
# Verbs whose object is kept "from" doing something: the "from" says what.
KEEPING_FROM = frozenset(
    {"prevent", "stop", "keep", "ban", "bar", "forbid", "prohibit", "dissuade"}
)
# Left dependents kept inside a noun phrase ("the old barn", "Dodd's gun").
PHRASE_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "case"})
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
GROUP = frozenset({"they", "them"})
# Subjects that say nothing about who acts ("It is said that ...").
EMPTY_SUBJECTS = frozenset(
    {"it", "there", "this", "that", "which", "who", "what", "one", "some", "all"}
)
# A title's first word that names nobody without the sentences before it.
UNNAMED = frozenset(
    ["he", "she", "they", "we", "i", "you", "it", "him", "her", "his", "their",
     "its", "this", "that", "these", "those"]
)  # fmt: skip
# Objects that mean their opposite once what follows them is cut.
EMPTY_OBJECTS = frozenset({"nothing", "anything", "nobody", "none", "little", "few"})
# Verbs whose reported clause is the news: "Mara learns (that) Dodd is the mole".
REPORTING = frozenset(
    [
        "tell",
        "say",
        "learn",
        "reveal",
        "order",
        "discover",
        "realize",
        "realise",
        "find",
        "explain",
        "inform",
        "warn",
        "admit",
        "confess",
        "announce",
        "decide",
        "agree",
        "promise",
        "ask",
        "beg",
        "convince",
        "persuade",
        "urge",
        "claim",
        "insist",
        "suggest",
        "know",
        "believe",
        "think",
        "notice",
        "hear",
        "remember",
        "suspect",
        "confirm",
        "deny",
        "threaten",
        "assure",
        "demand",
        "show",
        "understand",
    ]
)
# Verbs that read cut off without what follows them ("Douglas realizes").
NEEDS_OBJECT = REPORTING | frozenset(
    ["be", "find", "send", "take", "make", "give", "put", "bring", "allow", "let",
     "help", "enable", "cause", "get", "come", "want", "need", "try", "begin"]
)  # fmt: skip
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
        "as",
        "that",
        "than",
        "into",
        "onto",
        "his",
        "her",
        "their",
        "its",
        "my",
        "your",
        "our",
        "whose",
        "which",
        "who",
        "while",
        "when",
        "after",
        "before",
        "because",
        "if",
        "so",
        "then",
        "many",
        "more",
        "most",
        "some",
        "very",
        "such",
        "this",
        "these",
        "those",
    ]
)
# Adverbs that finish a phrasal verb after its object ("drive him away").
PARTICLES = frozenset(
    ["away", "off", "out", "back", "down", "up", "over", "in", "inside", "outside",
     "home"]
)  # fmt: skip
# Verbs whose reported clause is only someone's word, never the plot's fact.
HEARSAY = frozenset(
    ["say", "tell", "explain", "claim", "insist", "suggest", "assure", "state",
     "deny", "inform", "warn", "promise", "swear", "allege"]
)  # fmt: skip
# What a verb needs after it to say what the sentence says.
COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "attr", "acomp", "oprd", "dative"})
# A root introduced by one of these is a subordinate clause the parser
# promoted: the real main clause is elsewhere in the sentence.
SUBORDINATORS = frozenset(
    ["as", "when", "while", "although", "though", "because", "if", "since",
     "after", "before", "until", "once", "whereas", "unless"]
)  # fmt: skip
# Opening words before the main clause: "Then,", "After that,", "To gain
# evidence," (a purpose, not an event).
LEADING_SKIP = frozenset({"ADV", "CCONJ", "SCONJ", "INTJ", "PUNCT", "ADP", "PART"})


# Words a "but" after them makes an exception to ("everyone but the mutants").
UNIVERSALS = frozenset(
    ["everyone", "everybody", "everything", "all", "anyone", "anything", "nobody",
     "nothing", "none", "no-one"]
)  # fmt: skip
# Conditions whose main clause may never happen ("although" concedes a fact).
IF_WORDS = frozenset({"if", "unless"})
# Quote marks as the parser tags them, and the curly ones it may not.
OPENING_QUOTES = frozenset({"``", "\u201c"})
CLOSING_QUOTES = frozenset({"''", "\u201d"})


class Word(NamedTuple):
    """One word of a title with the part of speech that decides its trimming."""

    text: str
    pos: str


def event_title(
    sentence: Sentence,
    names: dict[int, str],
    antecedents: tuple[str, ...] = (),
    genders: dict[str, str] | None = None,
    they: str = "",
) -> str:
    """Return "Who does what" in at most eight words, from the sentence's parse.

    names maps token index to a character's short name; antecedents are the
    characters a pronoun may stand for, most likely first; genders maps a
    name to "m" or "f" where the plot's pronouns tell, so "she" skips a man;
    they is the pair a subject "they" stands for ("Harry and Dumbledore").
    """
    return title_parts(sentence, names, antecedents, genders, they)[0]


def title_parts(
    sentence: Sentence,
    names: dict[int, str],
    antecedents: tuple[str, ...] = (),
    genders: dict[str, str] | None = None,
    they: str = "",
) -> tuple[str, bool]:
    """Return the title and whether it has a subject, a verb and an object or
    complement (the share measured in docs/quality.md)."""
    tokens = sentence.tokens
    if all_speech(tokens):
        return "", False
    resolver = _Resolver(tokens, names, antecedents, genders or {}, they)
    first: tuple[str, bool] | None = None
    unnamed: tuple[str, bool] | None = None
    for verb, subject in _clauses(tokens, names):
        words, complete = _clause_title(tokens, verb, subject, resolver)
        if not words:
            continue
        if words[0].pos == "PRON":
            # "He saves Mary Jane": a title names who acts, or leaves the
            # clause to one that does ("Spider-Man manages to drive him away").
            unnamed = unnamed or (_tidy(words), complete)
            continue
        if complete or (
            first is None and tokens[verb].lemma.lower() not in NEEDS_OBJECT
        ):
            return _tidy(words), complete
        # "Douglas realizes" says nothing; a later whole clause may say what.
        first = first or (_tidy(words), complete)
    if unnamed is not None:
        # "Draco reveals that he ...": the opening names who; else the clause.
        return (_opening(sentence), False) if tokens[0].pos == "PROPN" else unnamed
    if first is not None:
        # "Sam is", "Douglas realizes": the sentence's own opening says more.
        return _opening(sentence), False
    fallback = _fallback(tokens)
    if not any(w.pos in ("VERB", "AUX") for w in fallback):
        # A bare "Cody" of "Cody, it soon becomes clear, is ...".
        return _first_words(sentence.text.split()), False
    whole = len(fallback) == sum(t.pos != "PUNCT" for t in tokens)
    return _first_words([w.text for w in fallback], whole), False


def reads_alone(title: str) -> bool:
    """Whether a title says who acts without the sentence under it: not "He
    saves Mary Jane" (which he?), "This leads Charlie to…", nor a copy cut
    with "…". The timeline titles an event from another of its sentences
    when it can."""
    first = title.split(" ", 1)[0].lower()
    return first not in UNNAMED and not title.endswith("…")


def has_finite_verb(title: str, sentence: Sentence) -> bool:
    """Whether a title says that someone does something: a verb with a tense
    after its first word, never a participle's phrase ("Leaving Fred and
    George's new shop", "Troubled by a strange recurring dream")."""
    tokens = sentence.tokens
    words = title.lower().split()
    participles = {t.text.lower() for t in tokens if t.tag in ("VBG", "VBN")}
    if not words or words[0] in participles:
        return False
    # The root the parser read as a noun is still the sentence's verb
    # ("Harry, Ron and Hermione notice Draco").
    forms = {"is", "are", "does", "do"} | {
        t.text.lower() for t in tokens if t.tag in FINITE or t.dep == "ROOT"
    }
    forms |= {third_person(t.lemma.lower()) for t in tokens if t.pos in ("VERB", "AUX")}
    # "The siblings grow" of "have grown"; never "to reply" of "how to reply".
    plurals = {t.lemma.lower() for t in tokens if t.pos == "VERB"}
    return any(
        word in forms or (word in plurals and before != "to")
        for before, word in zip(words, words[1:], strict=False)
    )


def _as_title(text: str) -> str:
    """Capitalise, and join a possessive the tokens split ("George 's")."""
    text = text.replace(" 's ", "'s ")
    return capitalised(text)


def speech(tokens: tuple[Token, ...]) -> frozenset[int]:
    """Return the tokens inside quoted speech, marks included.

    A quoted line is a character's word, never the plot's deed ("I'll see you
    again" is no title). A closing mark with no opening one before it ends a
    line the sentence before began (Dirty Dancing's "Somebody who taught me
    ... Miss Frances Houseman.\""), so all before it is speech.
    """
    inside: set[int] = set()
    start: int | None = None
    for index in range(len(tokens)):
        mark = _quote_mark(tokens, index)
        if mark in OPENING_QUOTES:
            start = index
        elif mark in CLOSING_QUOTES:
            inside |= _said(tokens, 0 if start is None else start, index + 1)
            start = None
    if start is not None:
        inside |= _said(tokens, start, len(tokens))
    return frozenset(inside)


def all_speech(tokens: tuple[Token, ...]) -> bool:
    """Whether every word of a sentence is a quoted line: no deed to title."""
    quoted = speech(tokens)
    return all(i in quoted for i, t in enumerate(tokens) if t.pos != "PUNCT")


def _said(tokens: tuple[Token, ...], start: int, end: int) -> set[int]:
    """Return the quoted span when it is a line someone says (it has a verb
    with a tense), not a name or a phrase in quotes ("Perseus", "big
    changes")."""
    if any(tokens[i].tag in FINITE for i in range(start, end)):
        return set(range(start, end))
    return set()


def _quote_mark(tokens: tuple[Token, ...], index: int) -> str:
    """Return "``" for an opening quote mark, "''" for a closing one, else "".

    A straight mark opens when it touches the word after it and closes when
    it touches the word before; the tagger's guess decides only when it
    touches both or neither.
    """
    token = tokens[index]
    if token.text in ("\u201c", "\u201d"):
        return "``" if token.text == "\u201c" else "''"
    if token.text != '"':
        return ""
    touches_before = index > 0 and not tokens[index - 1].space
    touches_after = index + 1 < len(tokens) and not token.space
    if touches_before != touches_after:
        return "''" if touches_before else "``"
    return "''" if token.tag == "''" else "``"


def _lower(words: list[str]) -> set[str]:
    return {word.lower() for word in words}


def _opening(sentence: Sentence) -> str:
    """Return the sentence's first words, side clauses dropped, cut with '…'."""
    return _first_words(compress(sentence, MAX_TITLE_WORDS).split())


def _first_words(words: list[str], whole: bool = True) -> str:
    """Return a copy of the sentence's opening words, whole or visibly cut.

    A copy cut at a word count can end inside a second deed ("studies vampire
    lore and comes" of "comes to believe"), so it ends before the last "and"
    or "but" it reaches, else with "…".
    """
    words = [w for w in words if w]
    text = " ".join(words).rstrip(".!?,;:")
    if len(words) <= OPENING_WORDS and (whole or not CONDITIONS & _lower(words)):
        return _as_title(text)
    head = words[:OPENING_WORDS]
    conditions = [n for n, w in enumerate(head) if w.lower() in CONDITIONS and n >= 3]
    # Not the "and" of a list of names ("Will, Elizabeth, Gibbs and the crew").
    joins = [
        n
        for n, w in enumerate(head)
        if w.lower() in ("and", "but")
        and n >= 3
        and not head[n - 2].endswith(",")
        # Not the "but" of "everyone but the mutants": cut there, it says all.
        and not (w.lower() == "but" and head[n - 1].lower() in UNIVERSALS)
    ]
    if conditions:
        # "Dwayne states that if Nick dares going to the police": a condition
        # cut before its outcome says nothing; the statement stops before it.
        text = " ".join(head[: conditions[0]]).rstrip(",;:") + "…"
    elif joins:
        text = " ".join(head[: joins[-1]]).rstrip(",;:")
    else:
        commas = [n for n, w in enumerate(head) if w.endswith(",") and n >= 3]
        if head[-1].lower() in UNIVERSALS and commas:
            # "killing everyone…" of "killing everyone but the mutants": the
            # copy stops at the comma before what it could not finish.
            head = head[: commas[-1] + 1]
        text = " ".join(head).rstrip(",;:") + "…"
    return _as_title(text)


def _clauses(tokens: tuple[Token, ...], names: dict[int, str]) -> list[tuple[int, int]]:
    """Return (verb, subject) pairs, best first: the root, then named actors."""
    pairs = []
    quoted = speech(tokens)
    for index, token in enumerate(tokens):
        lower = token.text.lower()
        if (
            token.dep in SUBJECTS
            and index not in quoted
            and token.head not in quoted
            and lower not in EMPTY_SUBJECTS
            and not _after_a_bare_preposition(tokens, index)
            and index < token.head  # "later meets Irene's husband": a misparse
            and _parsed_as_a_clause(tokens, token.head)
            and not _is_background(tokens, token.head)
            # "Harry believes Draco is dead", "he will sell the tape": the
            # clause is a belief or a plan, not an event.
            and why_not_asserted(tokens, token.head) not in (UNREAL, MODAL)
            and not _is_to_be_done(tokens, token.head)
            and not _is_said(tokens, token.head)
            and not _has_an_exception(tokens, token.head)
            and not (_bare_gerund(tokens, token.head) and index not in names)
        ):
            pairs.append((_main_verb(tokens, token.head, index), index))
    root = next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)

    def rank(pair: tuple[int, int]) -> tuple[int, int]:
        verb, subject = pair
        if verb == root:
            return (0, verb)
        if subject in names and tokens[verb].dep in ("conj", "ccomp", "advcl"):
            return (1, verb)
        if subject in names:
            return (2, verb)
        return (3, verb)

    return sorted(pairs, key=rank)


def _bare_gerund(tokens: tuple[Token, ...], verb: int) -> bool:
    """True for "lottery winning uncle" read as the sentence's clause: a
    root in -ing with no "is" before it has no tense, so no one does it.
    (A gerund under another verb keeps its doer, "he finds the toilet
    overflowing", and so does a named one, "Emma, having second thoughts".)"""
    return (
        tokens[verb].dep == "ROOT"
        and tokens[verb].tag == "VBG"
        and not any(t.head == verb and t.dep in ("aux", "auxpass") for t in tokens)
    )


def _has_an_exception(tokens: tuple[Token, ...], verb: int) -> bool:
    """Whether the verb's object is "everyone but ...": X-Men: First Class's
    "killing everyone but the mutants" made "Azazel and Riptide kill
    everyone", as a title cuts what follows its object."""
    return any(
        t.head == verb
        and t.dep in OBJECTS
        and t.text.lower() in UNIVERSALS
        and i + 1 < len(tokens)
        and tokens[i + 1].text.lower() in ("but", "except", "save")
        for i, t in enumerate(tokens)
    )


def _is_said(tokens: tuple[Token, ...], verb: int) -> bool:
    """Whether a clause is only what someone says: "Jackie yells out that
    Ordell has a gun" says nothing of the gun."""
    token = tokens[verb]
    return token.dep == "ccomp" and tokens[token.head].lemma.lower() in SAYING


def _main_verb(tokens: tuple[Token, ...], verb: int, subject: int) -> int:
    """Return the verb that says what the subject does.

    "George, initially tempted, turns Potter down": the parser makes
    "tempted" the deed ("George tempts") and "turns" its second deed; a
    participle between commas after its subject describes, the next verb acts.
    """
    if not (
        subject + 1 < verb
        and tokens[subject + 1].text == ","
        and tokens[verb].tag in ("VBD", "VBN")
        and verb + 1 < len(tokens)
        and tokens[verb + 1].text == ","
        and not any(t.head == verb and t.dep in OBJECTS for t in tokens)
    ):
        return verb
    return next(
        (
            i
            for i, t in enumerate(tokens)
            if t.head == verb
            and t.dep == "conj"
            and t.pos == "VERB"
            and i == verb + 2
            and not any(c.head == i and c.dep in SUBJECTS for c in tokens)
        ),
        verb,
    )


def _parsed_as_a_clause(tokens: tuple[Token, ...], verb: int) -> bool:
    """Whether the parse around a verb can be trusted to say who does what.

    The small parser sometimes reads a verb as a noun ("a gunfight ensues
    during which ... and Shaft takes a bullet": "ensues" becomes a second
    subject of "takes"; "Sykes enlists to work" makes "enlists" a subject),
    splits a hyphenated verb ("re-appears" gives a verb "re"), or makes a
    subordinate clause the root ("As the four travel to the mountain, Lu Yan
    teaches Jason": "teach" gets "travel" for subject). A title from such a
    parse says what nobody did, so the clause is left to the next one.
    """
    token = tokens[verb]
    if token.dep in SUBJECTS or token.dep in OBJECTS:
        return False
    if token.pos == "AUX" and token.lemma.lower() != "be":
        return False  # "when Sam cannot": a modal is no deed of its own
    if verb + 1 < len(tokens) and tokens[verb + 1].text in ("-", "–"):
        return False
    children = [i for i, t in enumerate(tokens) if t.head == verb and i != verb]
    subjects = [i for i in children if tokens[i].dep in SUBJECTS]
    if len(subjects) > 1:
        return False
    if any(
        t.head in subjects and t.dep in SUBJECTS and i not in subjects
        for i, t in enumerate(tokens)
    ):
        return False
    return not (
        token.dep == "ROOT"
        and any(
            tokens[i].dep == "mark" and tokens[i].lemma.lower() in SUBORDINATORS
            for i in children
        )
    )


def _after_a_bare_preposition(tokens: tuple[Token, ...], index: int) -> bool:
    """ "In Rohan, Aragorn ... pursue": a subject right after a preposition
    that has no object of its own is that preposition's object, a place;
    so is "Despite Obi-Wan's orders ..., Anakin and Padmé go": the orders go
    nowhere."""
    before = _left_edge(tokens, index) - 1
    return (
        before >= 0
        and (tokens[before].pos == "ADP" or tokens[before].dep == "prep")
        and not any(t.head == before and t.dep == "pobj" for t in tokens)
    )


def _is_background(tokens: tuple[Token, ...], verb: int) -> bool:
    """Whether a clause only sets the scene for its sentence: a relative
    clause ("of whose existence Charlie was previously unaware") or one under
    "when", "as" or "while" ("when Charlie was young"). As a title it says
    nothing the event is about. So is what someone only says: "explains to
    Nick that Nilsen threatened" is Beth's word, not the plot's."""
    token = tokens[verb]
    if token.dep == "relcl":
        return True
    if token.dep == "ccomp" and tokens[token.head].lemma.lower() in HEARSAY:
        return True
    return token.dep == "advcl" and any(
        t.head == verb
        and t.dep in ("mark", "advmod")
        and t.text.lower() in SUBORDINATORS | {"where"}
        for t in tokens
    )


def _is_to_be_done(tokens: tuple[Token, ...], verb: int) -> bool:
    """ "Flemming is to propose": "be" with "to" and a verb is a plan."""
    if tokens[verb].lemma.lower() != "be":
        return False
    return any(
        t.head == verb and t.dep == "xcomp" and _has_to(tokens, i)
        for i, t in enumerate(tokens)
    )


def _has_to(tokens: tuple[Token, ...], verb: int) -> bool:
    return any(
        t.head == verb and t.dep == "aux" and t.text.lower() == "to" for t in tokens
    )


def _drops_a_complement(
    tokens: tuple[Token, ...], verb: int, deps: frozenset[str] = COMPLEMENTS
) -> bool:
    """Whether a verb the title ends on had an object or a clause after it
    that the title leaves out ("the robbers use", "comes" of "comes to
    believe"): what is left says less than the sentence, or something else."""
    return any(
        t.head == verb and i > verb and t.dep in deps for i, t in enumerate(tokens)
    )


def _clause_title(
    tokens: tuple[Token, ...], verb: int, subject: int, resolver: _Resolver
) -> tuple[list[Word], bool]:
    resolver.actor = ""
    # "He informs Jimmy": a pronoun is never a name of its own clause.
    resolver.later = {
        n
        for i, n in resolver.names.items()
        if i > subject and verb in (tokens[i].head, tokens[tokens[i].head].head)
    }
    if tokens[verb].pos == "PROPN" and verb in resolver.names:
        # "Bond chases Locque and kills him" read with "Locque" the verb.
        return [], False
    subject = _past_a_gerunds_object(tokens, subject)
    who, plural = _subject_words(tokens, subject, resolver)
    if not who:
        return [], False
    passive = (
        tokens[subject].dep == "nsubjpass"
        or _bare_participle(tokens, verb)
        # "Pinocchio is once again led astray" with "Pinocchio" read as nsubj.
        or any(t.head == verb and t.dep == "auxpass" for t in tokens)
    )
    does = _verb_words(tokens, verb, passive, plural)
    actor = " ".join(w.text for w in who)
    rest = _complement_words(tokens, verb, resolver, actor, passive)
    if rest is None:
        return [], False
    shared = None if rest or passive else _shared_object_verb(tokens, verb)
    if shared is not None:
        # "Éomer's army ambush and kill the Uruk-hai": the object is both
        # verbs', never "Éomer's army ambushes".
        both = _complement_words(tokens, shared, resolver, actor, False)
        if both:
            does += [Word("and", "CCONJ"), *_verb_words(tokens, shared, False, plural)]
            rest = both
    words = who + does
    # A piece opening on a bare verb is a misparse ("Sykes enlists feel",
    # "a gunfight ensues take a bullet"): it would say what nobody did.
    rest = [piece for piece in rest if piece[0].pos != "VERB"]
    if not rest and _drops_a_complement(tokens, verb):
        return [], False
    # "She tells him" (that the car is Cook's): the news left out, or cut
    # for length, leaves a title that is not whole.
    whole = bool(rest) and not _drops_the_news(tokens, verb, resolver)
    for number, piece in enumerate(rest):
        if _length(words + piece) > MAX_TITLE_WORDS:
            if number:
                whole = False
                break
            if all(w.pos != "VERB" for w in piece):
                piece = _shortened(piece, MAX_TITLE_WORDS - _length(words))
        words = words + piece
    # Past eight words the cut can end on a bare verb ("agree to kill" of
    # "agree to kill those with knowledge"): not whole.
    return words, whole and _length(words) <= MAX_TITLE_WORDS


def _past_a_gerunds_object(tokens: tuple[Token, ...], subject: int) -> int:
    """Return the real subject where the parser took an opening gerund's
    object for it: "When treating Mackenzie, Garrigan and Kay form a
    relationship" reads Mackenzie as the subject and the two as conjuncts."""
    gerund = subject - 1
    if (
        gerund < 1
        or tokens[gerund].tag != "VBG"
        or subject + 1 >= len(tokens)
        or tokens[subject + 1].text != ","
        or any(
            t.text.lower() not in SUBORDINATORS | {"upon", "on"}
            for t in tokens[:gerund]
        )
    ):
        return subject
    conjuncts = [
        i for i, t in enumerate(tokens) if t.dep == "conj" and t.head == subject
    ]
    return conjuncts[0] if conjuncts else subject


def _shared_object_verb(tokens: tuple[Token, ...], verb: int) -> int | None:
    """Return the verb right after "and" that takes the object both verbs
    share ("kill" of "ambush and kill the Uruk-hai")."""
    second = verb + 2
    if second >= len(tokens) or tokens[verb + 1].text.lower() != "and":
        return None
    token = tokens[second]
    if token.dep != "conj" or token.head != verb or token.pos != "VERB":
        return None
    has_object = any(t.head == second and t.dep == "dobj" for t in tokens)
    return second if has_object else None


def _shortened(piece: list[Word], room: int) -> list[Word]:
    """Drop a phrase's inner modifiers, never its last word, which is its head:
    "for the gas-station robbery" becomes "for the robbery", not "for the gas"."""
    while Word("and", "CCONJ") in piece[1:] and _length(piece) > room:
        # "by Honest John and Gideon and the only cure": the last conjunct
        # goes first, never the names before it.
        last = len(piece) - 1 - piece[::-1].index(Word("and", "CCONJ"))
        piece = piece[:last]
    if _length(piece) <= room:
        return piece
    if Word("of", "ADP") in piece[1:]:
        # "in the subversive rule of society": the head is before "of", and
        # "in the society" would say another thing.
        piece = piece[: piece.index(Word("of", "ADP"), 1)]
        if _length(piece) <= room:
            return piece
    lead = [w for w in piece[:2] if w.pos in ("ADP", "DET", "PART")]
    if piece[: len(lead)] != lead:
        lead = lead[:1]
    if piece[0].pos == "ADP":
        # "escape into mountains", never "escape the mountains".
        lead = lead[: room - 1]
        if not lead:
            return []
    return (lead + piece[-1:])[-max(room, 1) :]


def _bare_participle(tokens: tuple[Token, ...], verb: int) -> bool:
    """ "With their leader murdered": a past participle with a subject and no
    auxiliary is passive, whatever the parser calls its subject."""
    children = [t for t in tokens if t.head == verb]
    if any(t.dep in ("aux", "auxpass") for t in children):
        return False
    token = tokens[verb]
    absolute = any(
        t.dep == "mark" and t.text.lower() in ("with", "without") for t in children
    ) or (
        token.dep == "pcomp" and tokens[token.head].text.lower() in ("with", "without")
    )
    return token.tag == "VBN" or (token.tag == "VBD" and absolute)


def _subject_words(
    tokens: tuple[Token, ...], index: int, resolver: _Resolver
) -> tuple[list[Word], bool]:
    token = tokens[index]
    lower = token.text.lower()
    if lower == "they" and resolver.they and not resolver.group_before(index):
        # Only a pair that acted together before: any two names near it may
        # be the wrong pair ("Gandalf and Saruman free Théoden").
        return [Word(resolver.they, "PROPN")], True
    plural = index not in resolver.names and token.tag in ("NNS", "NNPS")
    if token.pos == "PRON":
        name = resolver.person(lower, index)
        if not name and tokens[token.head].dep == "ROOT":
            # Only the main clause's: "Draco reveals that he has been chosen"
            # is Draco's word, never "Draco is chosen".
            name = resolver.earlier(lower, index)
        plural = lower in ("they", "we")
        if name:
            first, plural = [Word(name, "PROPN")], False
        elif lower in ("he", "she", "they", "we", "i", "you"):
            first = [Word(token.text.capitalize(), "PRON")]
        else:
            return [], False
    elif token.pos in ("VERB", "AUX") and index not in resolver.names:
        # A misparse: "Shy and luckless clerk Stanley works" makes "Shy" the
        # subject and Stanley its conjunct, who is who the sentence is about.
        named = [
            i
            for i, t in enumerate(tokens)
            if t.dep == "conj" and t.head == index and i in resolver.names
        ]
        if named:
            return [Word(resolver.names[named[0]], "PROPN")], False
        return [], False
    else:
        first = _noun_words(tokens, index, resolver)
        if index not in resolver.names:
            plural = _number(tokens, index, plural)
    # "he and his father were riding": both, never "Bell" alone.
    conjuncts = [i for i, t in enumerate(tokens) if t.dep == "conj" and t.head == index]
    if conjuncts and tokens[conjuncts[0]].pos in ("PROPN", "NOUN"):
        second = _noun_words(tokens, conjuncts[0], resolver)
        return first + [Word("and", "CCONJ")] + second, True
    return first, plural


def _number(tokens: tuple[Token, ...], subject: int, plural: bool) -> bool:
    """Return whether the sentence's verb makes its subject plural: "the two
    meet", "many of Castor's gang are killed" hold no plural noun, yet are;
    "Omni Consumer Products creates" is one company. A plural common noun
    stays plural ("Ricky's tests at Rockingham Speedway shows" is the plot's
    slip), and a verb that does not say (past, modal) leaves ``plural``."""
    if tokens[subject].tag == "NNS":
        return plural
    verb = tokens[subject].head
    finite = [verb] + [
        i
        for i, t in enumerate(tokens)
        if t.head == verb and t.dep in ("aux", "auxpass")
    ]
    said = {tokens[i].tag for i in finite} | {tokens[i].text.lower() for i in finite}
    if said & {"VBZ", "was"}:
        return False
    if said & {"VBP", "were"}:
        return True
    return plural


def _noun_words(
    tokens: tuple[Token, ...], index: int, resolver: _Resolver
) -> list[Word]:
    """Return a noun with its closest modifiers, or the character it names."""
    token = tokens[index]
    if token.pos == "PRON":
        if token.text.lower() in ("him", "her") and token.dep != "poss":
            name = resolver.person(token.text.lower(), index, resolver.actor)
            if name:
                return [Word(name, "PROPN")]
            return [Word(token.text, "PRON_OBJECT")]
        return [Word(token.text, "PRON"), *_pronoun_phrase(tokens, index, resolver)]
    if index in resolver.names:
        return [Word(resolver.names[index], "PROPN")]
    for i, t in enumerate(tokens):
        if t.head == index and t.dep == "appos" and i in resolver.names:
            # "Her other daughters Maggie and Mae are married": both of them.
            others = [
                resolver.names[j]
                for j, u in enumerate(tokens)
                if u.head == i
                and u.dep == "conj"
                and j in resolver.names
                # Two names joined by "and" alone, never a list ("Molly
                # Harper, his friends ..., Peter's girlfriend Candice").
                and [t.text for t in tokens[i + 1 : _left_edge(tokens, j)]] == ["and"]
            ]
            if others:
                return [
                    Word(resolver.names[i], "PROPN"),
                    Word("and", "CCONJ"),
                    Word(others[0], "PROPN"),
                ]
            return [Word(resolver.names[i], "PROPN")]
    kept = [
        i
        for i, t in enumerate(tokens)
        if t.head == index and t.dep in PHRASE_DEPS and i < index
    ]
    named = _named(tokens, index, resolver)
    if named:
        return named
    head = Word(token.text, token.pos)
    edge = index
    first = index
    while first >= 2 and glued_hyphen(tokens, first - 1):
        first -= 2
    hyphenated = first < index
    if hyphenated:
        # "T-Paul" is one name, never "Paul"; "a 20-year-old" never "a
        # year-old"; "the Uruk-hai" keeps its "the" and "a strip-dancer" its "a".
        head = Word("".join(t.text for t in tokens[first : index + 1]), token.pos)
        edge = _left_edge(tokens, first)
        kept = [
            i
            for i, t in enumerate(tokens)
            if first <= t.head <= index and t.dep in PHRASE_DEPS and i < edge
        ]
    # Only the modifiers that touch the noun, so no clause is cut in half.
    contiguous: list[int] = []
    for i in reversed(kept):
        low = _left_edge(tokens, i)
        if _subtree_end(tokens, i) + 1 < edge:
            break
        contiguous.insert(0, i)
        edge = low
    if (
        not hyphenated
        and contiguous
        and contiguous[-1] == index - 1
        and not tokens[index - 1].space
    ):
        # "201.851mph" was one word in the sentence; keep it one.
        head = Word(tokens[index - 1].text + token.text, token.pos)
        contiguous.pop()
    words: list[Word] = []
    for i in contiguous[-3:]:
        for word in _modifier_words(tokens, i, resolver):
            if word not in words:
                words.append(word)
    words.append(head)
    # "a bag of money", "the story of the Snow Queen": a short "of" phrase.
    after = index + 1
    if (
        after < len(tokens)
        and tokens[after].text == "of"
        and tokens[after].head == index
    ):
        objects = [
            i for i, t in enumerate(tokens) if t.head == after and t.dep == "pobj"
        ]
        if objects:
            owned = _noun_words(tokens, objects[0], resolver)
            if len(owned) <= 3:
                words += [Word("of", "ADP")] + owned
    return words


def _named(tokens: tuple[Token, ...], index: int, resolver: _Resolver) -> list[Word]:
    """Return the name a noun is given: "Jody" of "a young 20-year-old named
    Jody" says who, where the noun only describes."""
    for i, t in enumerate(tokens):
        if t.head == index and t.dep == "acl" and t.lemma.lower() in ("name", "call"):
            names = [
                j
                for j, c in enumerate(tokens)
                if c.head == i and c.dep in ("oprd", "dobj") and j in resolver.names
            ]
            if names:
                return [Word(resolver.names[names[0]], "PROPN")]
    return []


def _pronoun_phrase(
    tokens: tuple[Token, ...], index: int, resolver: _Resolver
) -> list[Word]:
    """Return the phrase that says who "those" are: "those with knowledge"
    (cut to "those", a title would end on a word that points at nothing)."""
    if tokens[index].text.lower() not in ("those", "anyone", "everyone", "one"):
        return []
    for i, t in enumerate(tokens):
        if t.head == index and t.dep == "prep" and i == index + 1:
            objects = [
                j for j, o in enumerate(tokens) if o.head == i and o.dep == "pobj"
            ]
            if objects:
                return [Word(t.text, "ADP"), *_noun_words(tokens, objects[0], resolver)]
    return []


def _modifier_words(
    tokens: tuple[Token, ...], index: int, resolver: _Resolver
) -> list[Word]:
    token = tokens[index]
    if token.dep == "case":
        return []
    if token.dep == "poss":
        if index in resolver.names:
            return [Word(resolver.names[index] + "'s", "PROPN")]
        if token.pos == "PRON":
            return [Word(token.text, "PRON")]
        owner = _noun_words(tokens, index, resolver)
        case = next(
            (t.text for t in tokens if t.head == index and t.dep == "case"), None
        )
        if case is not None:
            # "the servants' quarters" keeps the plural's lone apostrophe.
            mark = "'" if case in ("'", "’") and token.tag == "NNS" else "'s"
            owner[-1] = Word(owner[-1].text + mark, owner[-1].pos)
        return owner
    # "the Goblin suit" is no person: a name inside another noun stays the
    # sentence's word (never "the Osborn suit").
    span = range(_left_edge(tokens, index), _subtree_end(tokens, index) + 1)
    if len(span) <= 3 and all(tokens[i].dep == "compound" for i in span):
        # "an Edge City bank": a compound name keeps all its words.
        return [Word(" ".join(tokens[i].text for i in span), token.pos)]
    if len(span) <= 5 and any(tokens[i].tag in ("HYPH", "CD") for i in span):
        # "a far-away cave", "a 48 hour leave": the words are one modifier.
        written = "".join(tokens[i].text + " " * tokens[i].space for i in span)
        return [Word(written.strip(), token.pos)]
    # "hardly any credit": without its "hardly" the credit is given.
    hedges = [
        Word(t.text, "ADV")
        for t in tokens
        if t.head == index and t.dep == "advmod" and t.text.lower() in HEDGES
    ]
    return [*hedges, Word(token.text, token.pos)]


def _left_edge(tokens: tuple[Token, ...], index: int) -> int:
    edge = index
    for i, t in enumerate(tokens):
        if t.head == index and i != index and i < edge:
            edge = min(edge, _left_edge(tokens, i))
    return edge


def _subtree_end(tokens: tuple[Token, ...], index: int) -> int:
    end = index
    for i, t in enumerate(tokens):
        if t.head == index and i != index and i > index:
            end = max(end, _subtree_end(tokens, i))
    return end


def _verb_words(
    tokens: tuple[Token, ...], verb_index: int, passive: bool, plural: bool
) -> list[Word]:
    verb = tokens[verb_index]
    children = [
        t for i, t in enumerate(tokens) if t.head == verb_index and i != verb_index
    ]
    negation = next((t.text.lower() for t in children if t.dep == "neg"), "")
    negation = "not" if negation == "n't" else negation
    if any(t.dep == "advmod" and t.text.lower() == "longer" for t in children):
        negation = "no longer"  # "will no longer wear it" is not "will wear it"
    # The sentence's own qualifiers stay: "is nearly killed", "could die".
    modal = next(
        (t.text.lower() for t in children if t.dep == "aux" and t.text in MODALS), ""
    )
    hedges = [
        t.text.lower()
        for t in children
        if t.dep == "advmod" and t.text.lower() in HEDGES
    ]
    be = "are" if plural else "is"
    lemma = verb.lemma.lower()
    if modal:
        texts = [modal, *([negation] if negation else []), *hedges]
        texts += ["be", verb.text] if passive else [lemma]
    elif passive:
        texts = [be, *(["not"] if negation else []), *hedges, verb.text]
    elif lemma == "be" or verb.pos == "AUX":
        texts = [be, "not"] if negation else [be, *hedges]
    elif negation in ("never", "no longer"):
        texts = [negation, lemma if plural else third_person(lemma)]
    elif negation:
        texts = ["do not" if plural else "does not", lemma]
    else:
        texts = [*hedges, lemma if plural else third_person(lemma)]
    words = [Word(w, "VERB") for text in texts for w in text.split()]
    # A particle after the object follows it there ("turns Potter down").
    words += [
        Word(t.text, "PART")
        for i, t in enumerate(tokens)
        if t.head == verb_index and t.dep == "prt" and i == verb_index + 1
    ]
    return words


def _complement_words(
    tokens: tuple[Token, ...],
    verb: int,
    resolver: _Resolver,
    actor: str,
    passive: bool,
) -> list[list[Word]] | None:
    """Return the pieces after the verb, most needed first; None when the
    clause cannot be titled without saying something else."""
    resolver.actor = actor
    children = [i for i, t in enumerate(tokens) if t.head == verb and i > verb]
    deps = {tokens[i].dep: i for i in reversed(children)}
    pieces: list[list[Word]] = []
    complement = _complement_verb(tokens, verb, children)
    if "dative" in deps and tokens[deps["dative"]].pos != "ADP" and "dobj" in deps:
        pieces.append(_noun_words(tokens, deps["dative"], resolver))
    named = verb + 1
    if (
        "dobj" not in deps
        and named in children
        and named in resolver.names
        and tokens[named].dep in ("appos", "npadvmod", "dep")
    ):
        # "Feng kidnaps Orantes to use her" with "Orantes" read as a verb.
        deps["dobj"] = named
    objects = [
        i for i in children if tokens[i].dep == "dobj" and tokens[i].text[0].isalnum()
    ]
    between = (
        [i for i in children if tokens[i].dep == "prt" and objects[0] < i < objects[-1]]
        if len(objects) > 1
        else []
    )
    if between:
        # "sends steam up a chimney" read with "up" a particle and the
        # chimney a second object: the particle leads to it.
        pieces.append(
            _noun_words(tokens, objects[0], resolver)
            + [Word(tokens[between[0]].text, "ADP")]
            + _noun_words(tokens, objects[-1], resolver)
        )
        objects = []
        deps.pop("dobj", None)
    if len(objects) > 1 and "dative" not in deps:
        # "gives her and Benicio a ride": the parser's two objects are the
        # one who gets and what is given.
        pieces.append(_noun_words(tokens, objects[0], resolver))
        deps["dobj"] = objects[-1]
    for dep in OBJECTS:
        if dep in deps and (complement is None or deps[dep] < complement):
            # An object after "to start a custody battle" is no one who
            # starts it ("intends to start ... to get Bruner to settle").
            if any(tokens[i].dep == "prep" and verb < i < deps[dep] for i in children):
                # "proceeds to murder Cook" with "murder" read as a noun:
                # an object after the verb's own preposition is a misparse.
                return None
            if _misread_object(tokens, deps[dep], resolver.names):
                return None
            if tokens[deps[dep]].lemma.lower() in EMPTY_OBJECTS:
                # "has nothing but disdain", "wants nothing to do with them":
                # cut after "nothing" the title would say the opposite.
                return None
            pieces.append(
                _noun_words(tokens, deps[dep], resolver)
                + _particle_after(tokens, deps[dep], children)
            )
            able = next(
                (
                    i
                    for i, t in enumerate(tokens)
                    if t.head == deps[dep] and t.dep == "xcomp" and i > deps[dep]
                ),
                None,
            )
            if dep == "acomp" and able is not None:
                # "is able to escape", never the cut "is able".
                pieces.append(_infinitive_words(tokens, able, resolver))
            break
    if pieces and tokens[verb].lemma.lower() in KEEPING_FROM:
        pieces.append(_from_doing(tokens, children, resolver))
    if complement is not None:
        pieces.append(_infinitive_words(tokens, complement, resolver))
    reported = _news(tokens, verb, children, complement)
    if reported is not None:
        pieces.append(_reported_words(tokens, reported, resolver))
    if not pieces:
        prep = _prep_words(tokens, verb, children, resolver)
        if prep:
            pieces.append(prep)
    return [piece for piece in pieces if piece]


def _misread_object(
    tokens: tuple[Token, ...], index: int, names: dict[int, str]
) -> bool:
    """Whether an object is a misparse of a noun and its participle: "kill
    the Uruk-hai holding Merry" read as "kill Merry", whom they rescue."""
    children = [i for i, t in enumerate(tokens) if t.head == index and i < index]
    if index in names and any(tokens[i].dep == "det" for i in children):
        # A name with "the" and words that are not the name's: "the Uruk-hai
        # holding Merry" as one noun.
        return any(tokens[i].dep != "det" and i not in names for i in children)
    compounds = [i for i in children if tokens[i].dep == "compound"]
    return any(
        tokens[i].dep == "amod"
        and tokens[i].tag == "VBG"
        and any(j < i for j in compounds)
        for i in children
    )


def _from_doing(
    tokens: tuple[Token, ...], children: list[int], resolver: _Resolver
) -> list[Word]:
    """Return "from stepping on land" of "prevents Jones from stepping on
    land": without it the title says only that Jones is stopped."""
    for index in children:
        if tokens[index].dep != "prep" or tokens[index].text.lower() != "from":
            continue
        doing = next(
            (i for i, t in enumerate(tokens) if t.head == index and t.dep == "pcomp"),
            None,
        )
        if doing is None or tokens[doing].tag != "VBG":
            return []
        below = [i for i, t in enumerate(tokens) if t.head == doing and i > doing]
        what = next((i for i in below if tokens[i].dep == "dobj"), None)
        rest = (
            _noun_words(tokens, what, resolver)
            if what is not None
            else _prep_words(tokens, doing, below, resolver)
        )
        return [Word("from", "ADP"), Word(tokens[doing].text, "NOUN"), *rest]
    return []


def _news(
    tokens: tuple[Token, ...], verb: int, children: list[int], complement: int | None
) -> int | None:
    """Return the verb of what a reporting verb reports ("is" of "learns that
    Walter is the killer"), when it has no complement verb instead."""
    if complement is not None or tokens[verb].lemma.lower() not in REPORTING:
        return None
    quoted = speech(tokens)
    return next(
        (
            i
            for i in children
            if tokens[i].dep == "ccomp" and i > verb and i not in quoted
        ),
        None,
    )


def _drops_the_news(tokens: tuple[Token, ...], verb: int, resolver: _Resolver) -> bool:
    """Whether a reporting verb's news cannot be put in its title."""
    children = [i for i, t in enumerate(tokens) if t.head == verb and i > verb]
    reported = _news(tokens, verb, children, _complement_verb(tokens, verb, children))
    return reported is not None and not _reported_words(tokens, reported, resolver)


def _complement_verb(
    tokens: tuple[Token, ...], verb: int, children: list[int]
) -> int | None:
    """Return the verb's complement verb after it: "pick" of "orders Raynor to
    pick", or "purchase" of "persuades Bernie to purchase" right after the
    object, which the parser may read as a purpose clause."""
    objects = [i for i in children if tokens[i].dep == "dobj"]
    quoted = speech(tokens)
    for i in children:
        token = tokens[i]
        if i in quoted:
            continue
        if token.pos == "VERB" and token.dep == "xcomp":
            return i
        if (
            token.pos == "VERB"
            and token.dep == "advcl"
            and tokens[verb].lemma.lower() in REPORTING
            and tokens[i - 1].text.lower() == "to"
            and any(_subtree_end(tokens, o) == i - 2 for o in objects)
        ):
            return i
    return None


def _particle_after(
    tokens: tuple[Token, ...], target: int, children: list[int]
) -> list[Word]:
    """Return the particle right after a verb's object, half of the verb:
    "drive him away", "turns Potter down"."""
    return [
        Word(tokens[i].text, "PART")
        for i in children
        if i == target + 1
        and (
            tokens[i].dep == "prt"
            or (tokens[i].dep == "advmod" and tokens[i].text.lower() in PARTICLES)
        )
    ]


def _infinitive_words(
    tokens: tuple[Token, ...], verb: int, resolver: _Resolver
) -> list[Word]:
    """Return "to pick a partner" (or "Raynor to pick" for an object subject)."""
    children = [i for i, t in enumerate(tokens) if t.head == verb]
    words = []
    subject = next((i for i in children if tokens[i].dep in SUBJECTS), None)
    if subject is not None and subject < verb:
        words += _noun_words(tokens, subject, resolver)
    # "promised never to marry again": the negation stays with the verb.
    words += [
        Word(tokens[i].text.lower(), "PART")
        for i in children
        if tokens[i].dep == "neg" and i < verb
    ]
    if _has_to(tokens, verb) and tokens[verb].text[:1].isupper():
        # "tracks Jango to Geonosis" read as an infinitive: a capital inside
        # the sentence is a name, never "to geonosis".
        words += [Word("to", "ADP"), Word(tokens[verb].text, "PROPN")]
    elif _has_to(tokens, verb):
        words += [Word("to", "PART"), Word(tokens[verb].lemma.lower(), "VERB")]
    else:  # "finds them hiding", "makes Ed laugh": no "to" the sentence lacks
        words += [Word(tokens[verb].text, "VERB")]
    target = next((i for i in children if tokens[i].dep in OBJECTS), None)
    # "chase her down" keeps its particle after the object, as written.
    words += [
        Word(tokens[i].text, "PART")
        for i in children
        if tokens[i].dep == "prt" and (target is None or i < target)
    ]
    if target is not None:
        words += _noun_words(tokens, target, resolver)
        words += _particle_after(tokens, target, children)
    elif tokens[verb].lemma.lower() in NEEDS_OBJECT or _drops_a_complement(
        tokens, verb, COMPLEMENTS
    ):
        # "persuades Ed to allow", "wants nothing to do" (with them): nothing
        # without what follows.
        return []
    elif _drops_a_complement(tokens, verb, frozenset({"prep"})):
        # "is able to return to the NBA": the phrase says where, or the
        # verb says nothing.
        after = [i for i, t in enumerate(tokens) if t.head == verb and i > verb]
        place = _prep_words(tokens, verb, after, resolver)
        if not place:
            return []
        words += place
    return words


def _reported_words(
    tokens: tuple[Token, ...], verb: int, resolver: _Resolver
) -> list[Word]:
    """Return the core of a reported clause: "Dodd is the mole"."""
    if not _parsed_as_a_clause(tokens, verb):
        return []
    children = [i for i, t in enumerate(tokens) if t.head == verb and i != verb]
    subject = next((i for i in children if tokens[i].dep in SUBJECTS), None)
    if subject is None or any(_is_condition(tokens, i) for i in children):
        # "knows that Jem will kill her if he realizes the truth": without
        # its "if" the news says what the sentence does not.
        return []
    token = tokens[subject]
    if token.pos == "PRON":
        if token.text.lower() in EMPTY_SUBJECTS:
            return []
        who = [Word(token.text.lower(), "PRON")]
        plural = token.text.lower() in GROUP | {"we"}
    else:
        who = _noun_words(tokens, subject, resolver)
        plural = subject not in resolver.names and _number(
            tokens, subject, token.tag in ("NNS", "NNPS")
        )
    passive = token.dep == "nsubjpass"
    words = who + (
        _nonfinite_words(tokens, verb) or _verb_words(tokens, verb, passive, plural)
    )
    target = next((i for i in children if tokens[i].dep in OBJECTS and i > verb), None)
    infinitive = next(
        (i for i in children if tokens[i].dep == "xcomp" and tokens[i].pos == "VERB"),
        None,
    )
    if target is not None:
        words += _noun_words(tokens, target, resolver)
    elif infinitive is not None and infinitive > verb:
        rest = _infinitive_words(tokens, infinitive, resolver)
        if not rest:
            return []  # "nobody will bother" (to look at the tapes)
        words += rest
    else:
        return []
    return words


def _is_condition(tokens: tuple[Token, ...], clause: int) -> bool:
    """Whether a clause is an "if" or "unless" clause."""
    return tokens[clause].dep == "advcl" and any(
        t.head == clause and t.dep == "mark" and t.text.lower() in IF_WORDS
        for t in tokens
    )


def _nonfinite_words(tokens: tuple[Token, ...], verb: int) -> list[Word]:
    """Return a reported verb as the sentence has it when it has no tense:
    "finds himself becoming", "reveals himself to be" (never "himself
    becomes"); empty for a verb with a tense."""
    children = [t for t in tokens if t.head == verb]
    particles = [Word(t.text, "PART") for t in children if t.dep == "prt"]
    if _has_to(tokens, verb):
        # "to be chosen" keeps its "be" and participle; "to be" its lemma.
        helpers = [t.text for t in children if t.dep in ("aux", "auxpass")]
        last = tokens[verb].text if len(helpers) > 1 else tokens[verb].lemma
        words = [Word(w.lower(), "VERB") for w in (*helpers, last)]
        return words + particles
    if tokens[verb].tag == "VBG" and not any(t.dep == "aux" for t in children):
        return [Word(tokens[verb].text, "VERB"), *particles]
    return []


def _prep_words(
    tokens: tuple[Token, ...],
    verb: int,
    children: list[int],
    resolver: _Resolver,
) -> list[Word]:
    for index in children:
        token = tokens[index]
        if token.dep not in ("prep", "agent") or index < verb:
            continue
        objects = [
            i for i, t in enumerate(tokens) if t.head == index and t.dep == "pobj"
        ]
        if objects:
            words = [Word(token.text, "ADP")] + _noun_words(
                tokens, objects[0], resolver
            )
            # "between Hans and McClane": never "between Gruber" alone; a
            # bare noun may be a verb the parser misread ("into the lot and park").
            for i, t in enumerate(tokens):
                if (
                    t.head == objects[0]
                    and t.dep == "conj"
                    and (
                        t.pos in ("PROPN", "PRON")
                        or any(c.head == i and c.dep in ("det", "poss") for c in tokens)
                    )
                ):
                    words += [Word("and", "CCONJ"), *_noun_words(tokens, i, resolver)]
            return words
    return []


def _copy_start(tokens: tuple[Token, ...]) -> int:
    """Return where a copy of the sentence starts: after an opening phrase
    ("Then,", "At the docks,", "Troubled by a dream,")."""
    start = 0
    if tokens and tokens[0].text.lower() in IF_WORDS:
        # "If he does go to Troy, he will die there": without its "if" the
        # rest is a prophecy told as a fact.
        return start
    # Not the comma before "one of which ...": the leading phrase's own
    # relative clause.
    comma = next(
        (
            i
            for i, t in enumerate(tokens[:-1])
            if t.text == ","
            and tokens[i + 1].text.lower() not in EMPTY_SUBJECTS
            and tokens[i + 1].tag not in ("WDT", "WP", "WP$")
        ),
        None,
    )
    # "Troubled by a strange recurring dream, Alice ...": a participle's
    # phrase is a leading phrase too.
    leading = tokens and (
        tokens[0].pos in LEADING_SKIP or tokens[0].tag in ("VBG", "VBN")
    )
    if leading and comma is not None:
        start = comma + 1
        # "Later, back at Radiator Springs, McQueen returns": a second short
        # opening phrase goes too.
        second = next(
            (
                i
                for i in range(start, min(start + 6, len(tokens) - 1))
                if tokens[i].text == ","
            ),
            None,
        )
        if second is not None and tokens[start].pos in LEADING_SKIP:
            start = second + 1
    while start < len(tokens) - 1 and tokens[start].pos in LEADING_SKIP:
        start += 1
    return start


def _fallback(tokens: tuple[Token, ...]) -> list[Word]:
    """Return the sentence's opening words after any opening phrase."""
    start = _copy_start(tokens)
    words: list[Word] = []
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token.text == "," and _lists_names(tokens, index, words):
            words[-1] = Word(words[-1].text + token.text, words[-1].pos)
            continue
        if token.text in (",", ";", ":", ".", "(", ")", '"') or (
            token.text in ("-", "\u2013", "\u2014") and not glued_hyphen(tokens, index)
        ):
            break
        if words and not tokens[index - 1].space:
            # "George's", "well-adjusted": one word as written.
            words[-1] = Word(words[-1].text + token.text, words[-1].pos)
            continue
        words.append(Word(token.text, token.pos))
    return words


def clause_copy(sentence: Sentence) -> str:
    """Return the sentence's words after its leading phrase up to the first
    clause boundary, in at most eight words, never ending on a word that
    needs more; "" when the copy is a side clause ("Moments after the game
    begins"). The timeline's last resort where the parse is too broken for
    a title ("Harry confronts Draco and severely injures him" of "Suspecting
    that Draco was responsible ..., Harry confronts Draco ...")."""
    tokens = sentence.tokens
    if all_speech(tokens):
        return ""
    kept: list[int] = []
    for index in range(_copy_start(tokens), len(tokens)):
        token = tokens[index]
        listing = (
            token.text == ","
            and index + 1 < len(tokens)
            and tokens[index + 1].pos == "PROPN"
            and not any(tokens[i].pos in ("VERB", "AUX") for i in kept)
        )
        if (
            token.text in BOUNDARIES or token.text in ('"', "\u201c", "\u201d")
        ) and not listing:
            break
        if token.text == "-" and not glued_hyphen(tokens, index):
            break
        kept.append(index)
    verbs = [i for i in kept if tokens[i].pos in ("VERB", "AUX")]
    if (
        not verbs
        or any(tokens[i].text.lower() in SUBORDINATORS for i in kept)
        # "The last fourteen hundred years she has failed": not led by who.
        or any(
            tokens[i].dep in SUBJECTS and tokens[i].text.lower() in UNNAMED
            for i in kept
        )
    ):
        return ""
    while _written_length(tokens, kept) > MAX_TITLE_WORDS:
        kept.pop()
    while kept[-1] > verbs[0] and _open_end(tokens, kept[-1], kept, verbs[0]):
        kept.pop()
    if _cut_short(tokens, kept):
        return ""
    return _as_title(_render(tokens, kept))


def _cut_short(tokens: tuple[Token, ...], kept: list[int]) -> bool:
    """Whether a copy ends on a verb without what it needs ("The Man With
    The Plan wants"), or leaves out what a verb in it tells ("Lillian tells
    Annie" of "tells Annie she wants ...")."""
    last = kept[-1]
    return (
        tokens[last].pos == "VERB"
        and (
            tokens[last].lemma.lower() in NEEDS_OBJECT
            or any(
                t.head == last and i > last and t.dep in _needs(tokens[last].tag)
                for i, t in enumerate(tokens)
            )
        )
    ) or any(
        t.dep == "ccomp"
        and tokens[t.head].pos == "VERB"
        and t.head in kept
        and i not in kept
        and i > t.head
        for i, t in enumerate(tokens)
    )


def _lists_names(tokens: tuple[Token, ...], comma: int, words: list[Word]) -> bool:
    """Whether a comma only separates the names that open a sentence ("Will,
    Elizabeth, Gibbs and the crew return"): a copy cut there says nothing."""
    return (
        bool(words)
        and comma + 1 < len(tokens)
        and tokens[comma + 1].pos == "PROPN"
        and not any(w.pos == "VERB" for w in words)
    )


def _length(words: list[Word]) -> int:
    """Count the words a reader sees: a name is one Word of several ("Gator Harris")."""
    return sum(len(w.text.split()) for w in words)


def _tidy(words: list[Word]) -> str:
    """Cut to eight words, drop dangling function words, capitalise."""
    words = [w for w in words if w.text]
    cut = False
    while _length(words) > MAX_TITLE_WORDS:
        words.pop()
        cut = True
    while len(words) > 2 and (
        # "gives her" ends on who is given, not on a cut "her" of "her car".
        (words[-1].text.lower() in DANGLING and words[-1].pos != "PRON_OBJECT")
        or cut
        and words[-1].pos in ("ADJ", "DET", "ADP", "NUM", "ADV")
    ):
        words.pop()
    text = " ".join(w.text for w in words).replace(" 's", "'s").rstrip(".,;:")
    return _as_title(text)


class _Resolver:
    """Replace "he", "her", "they" by the character they most likely stand for."""

    def __init__(
        self,
        tokens: tuple[Token, ...],
        names: dict[int, str],
        antecedents: tuple[str, ...],
        genders: dict[str, str],
        they: str = "",
    ) -> None:
        self.tokens = tokens
        self.they = they
        self.names = names
        self.antecedents = antecedents
        self.genders = genders
        self.actor = ""
        self.later: set[str] = set()

    def earlier(self, pronoun: str, index: int) -> str:
        """Return the one character named before a subject pronoun in its own
        sentence that it can mean: "When Alex goes out to reconnoiter, he
        spots one of Wade's men", "Although Raymond has autism, he ..."."""
        wanted = "m" if pronoun in MALE else "f" if pronoun in FEMALE else ""
        if not wanted:
            return ""
        named = {n for i, n in self.names.items() if i < index}
        fitting = [n for n in named if self.genders.get(n, wanted) == wanted]
        if any(self.genders.get(n) != wanted for n in fitting) or self.later & set(
            fitting
        ):
            # "After Cameron makes a failed attempt ..., she informs him": a
            # name whose gender the plot never shows may be the wrong one;
            # "she used O'Neil" is never O'Neil.
            return ""
        # A subject's name, never "Tina" of "To attend Tina's performance, he".
        subjects = {
            n
            for i, n in self.names.items()
            if i < index and self.tokens[i].dep in SUBJECTS
        }
        return fitting[0] if len(fitting) == 1 and fitting[0] in subjects else ""

    def group_before(self, index: int) -> bool:
        """Whether the sentence makes a group a subject before a "they" at
        index. In "When the servants refuse to help look for them, Grace
        realizes that they are involved", "they" are the servants, not the
        pair of characters who acted together before; in "As the guards chase
        them, they escape", not the guards. Either way the pair is a guess."""
        return any(
            t.tag in ("NNS", "NNPS") and t.dep in SUBJECTS and i not in self.names
            for i, t in enumerate(self.tokens[:index])
        )

    def person(self, pronoun: str, index: int, exclude: str = "") -> str:
        """Return the one character a singular pronoun at index can stand for,
        or ""."""
        if pronoun in MALE:
            wanted = "m"
        elif pronoun in FEMALE:
            wanted = "f"
        else:
            return ""
        fitting = [
            name
            for name in self.antecedents
            if self.genders.get(name, wanted) == wanted
            and name not in exclude  # nor "Denis" of "Denis's ghost"
            and (exclude or name not in self.later)
        ]
        # An unknown gender is a guess, and a wrong guess puts a deed on the
        # wrong person ("Alex approaches the police" for Dan), so is one that
        # skips a likelier candidate of unknown gender ("Although Raymond has
        # autism, he ..." is not Charlie): keep the pronoun.
        if not fitting or self.genders.get(fitting[0]) != wanted:
            return ""
        # Another name of that gender earlier in its own sentence may be the
        # one: in "She accepts Bell's offer to save her husband, but he arrives
        # only in time to see ... Moss lying dead", "he" is Bell, not Moss.
        nearer = {
            n
            for i, n in self.names.items()
            if i < index
            and n != fitting[0]
            and n not in exclude
            and self.genders.get(n, wanted) == wanted
        }
        return "" if nearer else fitting[0]


# Dependents after the verb that start another clause or describe a noun at
# length: an opening copy stops before them ("Claire finds a bag" of "a bag
# buried by Doug in her community garden").
CLAUSE_STARTS = frozenset({"advcl", "relcl", "acl", "parataxis", "conj", "cc", "appos"})
FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
# What a bare verb the copy ends on still needs when cut ("leaves ... to get").
CUT_NEEDS = COMPLEMENTS | {"prep", "agent"} | frozenset(OBJECTS)
BOUNDARIES = frozenset(
    [",", ";", ":", "(", ")", ".", "!", "?", "\u2013", "\u2014", "...", "\u2026"]
)
# Where a copy of the sentence can never stop: the cut word still needs more.
# Words that say "part of" what a cut phrase named ("revenge on some").
QUANTIFIERS = frozenset(
    ["some", "one", "many", "most", "all", "each", "those", "any", "several",
     "none", "both", "much", "part", "rest"]
)  # fmt: skip
OPEN_ENDS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "NUM", "AUX"})


def opening_title(sentence: Sentence) -> str:
    """Return the sentence's own main clause, from its subject through its
    verb phrase to the first clause boundary, in at most eight words; "" when
    the sentence has no subject with a finite verb outside quoted speech.

    The timeline's fallback for a built title that fails: every word is the
    sentence's, nothing is cut with "…", and the copy never ends on a word
    that needs more ("the other", "to", "his").
    """
    tokens = sentence.tokens
    quoted = speech(tokens)
    pair = _opening_clause(tokens, quoted)
    if pair is None:
        return ""
    subject, verb = pair
    kept = _subject_span(tokens, subject)
    gap = tokens[kept[-1] + 1 : verb]
    kept += [
        i
        for i, t in enumerate(tokens)
        if kept[-1] < i < verb
        and t.head == verb
        and (
            t.dep in ("aux", "auxpass", "neg")
            or (t.dep == "advmod" and t.pos == "ADV" and _span(tokens, i) == {i})
        )
    ]
    kept.append(verb)
    for index in range(verb + 1, len(tokens)):
        token = tokens[index]
        if (
            index in quoted
            or token.text in BOUNDARIES
            or (token.text == "-" and not glued_hyphen(tokens, index))
            or any(
                _left_edge(tokens, j) == index
                for j, t in enumerate(tokens)
                if t.dep in CLAUSE_STARTS and _within(tokens, j, verb)
            )
            or (token.dep == "mark" and token.lemma.lower() in SUBORDINATORS)
        ):
            break
        kept.append(index)
    while _written_length(tokens, kept) > MAX_TITLE_WORDS:
        kept.pop()
    while kept[-1] > verb and _open_end(tokens, kept[-1], kept, verb):
        kept.pop()
    if (
        any(
            (tokens[i].pos in ("VERB", "AUX") and tokens[i].tag != "MD")
            or tokens[i].text.lower() in ("but", "or")
            for i in kept
            if i < verb
        )
        # "Jody and Sweetpea confront Rodney, and as he ..., Jody shoots":
        # a subject before "and" ends another clause.
        or any(t.pos == "CCONJ" for t in gap)
        or (
            kept[-1] == verb
            and (
                _drops_a_complement(tokens, verb)
                or tokens[verb].lemma.lower() in NEEDS_OBJECT
            )
        )
    ):
        # "Senator Stern demands", "Draco reveals": the news is cut; a verb
        # inside the subject is a misparse.
        return ""
    helpers = [
        i
        for i in kept
        if tokens[i].head == verb and tokens[i].dep in ("aux", "auxpass")
    ]
    if not (
        tokens[verb].tag in FINITE
        or any(tokens[i].tag in FINITE for i in helpers)
        # "Éomer's army later ambush": a plural present the tagger read bare.
        or (tokens[verb].tag == "VB" and not helpers)
    ):
        return ""
    return _as_title(_render(tokens, kept).rstrip(".,;:"))


def _opening_clause(
    tokens: tuple[Token, ...], quoted: frozenset[int]
) -> tuple[int, int] | None:
    """Return (subject, verb) of the sentence's first main clause with its
    subject outside speech."""
    pairs = [
        (i, t.head)
        for i, t in enumerate(tokens)
        if t.dep in SUBJECTS
        and i < t.head
        and i not in quoted
        and t.head not in quoted
        and tokens[t.head].pos in ("VERB", "AUX")
        and _on_the_main_line(tokens, t.head)
        and not any(
            c.head == t.head
            and (
                c.dep == "mark"
                and c.lemma.lower() in SUBORDINATORS
                or _is_condition(tokens, n)
            )
            for n, c in enumerate(tokens)
        )
    ]
    return min(pairs, default=None)


def _on_the_main_line(tokens: tuple[Token, ...], verb: int) -> bool:
    """Whether a verb is the sentence's root or one of its further deeds:
    never a suspicion's, a plan's or a side clause's ("Suspecting that Draco
    was responsible ..., Harry ...")."""
    if tokens[verb].dep in ("ccomp", "parataxis") and verb < tokens[verb].head:
        # "Frank reveals that ... - he later admits": a clause before the
        # root that the parser hung on it is the sentence's first deed.
        verb = tokens[verb].head
    seen = set()
    while tokens[verb].dep == "conj" and verb not in seen:
        seen.add(verb)
        verb = tokens[verb].head
    root = tokens[tokens[verb].head]
    # "Will's father ... tells Jack": a root the parser put on "'s" is no verb.
    return tokens[verb].dep == "ROOT" or (
        root.dep == "ROOT"
        and root.pos not in ("VERB", "AUX")
        and tokens[verb].dep not in ("relcl", "acl")
    )


def _subject_span(tokens: tuple[Token, ...], subject: int) -> list[int]:
    """Return the subject as written without what describes it after it:
    "Will, Elizabeth, Gibbs and the crew", "Rodney" of "Rodney, who ...",
    "The Mayor of Augsburg" (a short "of" phrase kept)."""
    after = [i for i, t in enumerate(tokens) if t.head == subject and i > subject]
    start = _left_edge(tokens, subject)
    while (
        start > 0
        and (
            tokens[start - 1].tag == "POS"
            or (not tokens[start - 1].space and tokens[start - 1].pos != "PUNCT")
            # "Will, Elizabeth, Gibbs and the crew": the tagger's modal "Will".
            or (
                start == 2
                and tokens[1].text == ","
                and tokens[0].text[:1].isupper()
                and tokens[0].tag in ("NNP", "MD")
            )
        )
    ):
        start -= 1
    kept = set(range(start, subject + 1))
    for i in after:
        if tokens[i].dep == "conj" or (
            tokens[i].dep == "cc"
            and any(t.dep == "conj" and t.head == subject for t in tokens[i:])
        ):
            kept |= _span(tokens, i)
    short = [i for i in after if tokens[i].dep == "prep" and len(_span(tokens, i)) <= 3]
    if short and short[0] == max(kept) + 1:
        kept |= _span(tokens, short[0])
    commas = [
        i
        for i in range(min(kept), max(kept))
        if tokens[i].text == "," and i + 1 in kept
    ]
    return sorted((kept - {i for i in kept if tokens[i].dep == "punct"}) | set(commas))


def _within(tokens: tuple[Token, ...], index: int, ancestor: int) -> bool:
    """Whether tokens[index] sits in the subtree of tokens[ancestor]."""
    seen = set()
    while index not in seen:
        if index == ancestor:
            return True
        seen.add(index)
        index = tokens[index].head
    return False


def _span(tokens: tuple[Token, ...], index: int) -> set[int]:
    return set(range(_left_edge(tokens, index), _subtree_end(tokens, index) + 1))


def _open_end(
    tokens: tuple[Token, ...], index: int, kept: list[int], verb: int
) -> bool:
    """Whether a copy cut after tokens[index] ends on a word that needs more:
    a function word, a modifier whose noun comes after it ("the other"), or
    a verb whose object was cut ("is wanted for delaying")."""
    token = tokens[index]
    return (
        token.pos in OPEN_ENDS
        or (token.text.lower() in DANGLING and token.dep not in ("dobj", "pobj"))
        or token.text.lower() in QUANTIFIERS
        or token.tag == "POS"
        or token.dep == "poss"
        or token.head > index
        or any(tokens[k].head > index for k in kept if k > verb)
        or (
            token.pos == "VERB"
            and any(
                t.head == index
                and i > index
                and i not in kept
                and t.dep in _needs(token.tag)
                for i, t in enumerate(tokens)
            )
        )
    )


def _needs(tag: str) -> frozenset[str]:
    """What a verb ending a copy must still have: "to get" its place, "wants"
    what is wanted; a passive "has been chosen" is whole without more."""
    if tag == "VB":
        return CUT_NEEDS
    return frozenset(OBJECTS) if tag == "VBN" else COMPLEMENTS


def _written_length(tokens: tuple[Token, ...], kept: list[int]) -> int:
    return len(_render(tokens, kept).split())


def _render(tokens: tuple[Token, ...], kept: list[int]) -> str:
    """Join kept tokens as the sentence wrote them: "George's", "20-year-old"."""
    parts = []
    for n, index in enumerate(kept):
        glued = (
            n + 1 < len(kept) and kept[n + 1] == index + 1 and not tokens[index].space
        )
        parts.append(tokens[index].text + ("" if glued else " "))
    return "".join(parts).strip()
