"""Shorter sentences by the parse: side clauses dropped, the main clause kept.

A summary that copies whole sentences is the plot again; a cut mid-clause
reads broken. What goes is what the writer set apart: a parenthesis, or a
clause between commas (an apposition, a relative or adverbial clause, a
participle phrase). The main verb, its subject and its objects always stay,
so the shorter sentence says only what the long one said.
"""

from __future__ import annotations

from plotguide.engine.assertion import CONDITIONS
from plotguide.engine.doc import Sentence, Token
from plotguide.engine.text import capitalised

MAX_EVENT_WORDS = 30
QUOTE_MARKS = frozenset({'"', "“", "”"})
# Dependents that a writer sets off by commas and a reader can skip.
SIDE_CLAUSES = frozenset(
    {"relcl", "appos", "advcl", "acl", "npadvmod", "parataxis", "prep", "advmod"}
)
PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them", "his"})
PEOPLE_PRONOUNS = PRONOUNS - {"it"} | {"their"}
# A time clause of a plan is its condition: "when he is arrested, he will plead".
TIME_MARKS = frozenset({"when", "once", "until", "before", "after", "as soon as"})
# Where a side clause may end: a dash or a quote may be the clause's own.
CLOSERS = frozenset({",", ".", ";", ":", "!", "?", ")"})
# A parenthesis that offers another possibility is a hedge, not an aside.
# Verbs whose "like ..." or "as ..." is what they say: "feels like a stranger".
LINKING_VERBS = frozenset({"feel", "look", "seem", "sound", "act", "smell", "taste"})
HEDGING_OPENERS = frozenset({"or", "possibly", "perhaps", "probably", "maybe"})


def word_count(text: str) -> int:
    return len(text.split())


def compress(sentence: Sentence, max_words: int) -> str:
    """Return the sentence with side clauses dropped until it fits, shortest first.

    When nothing more can go, the result may still be longer than
    ``max_words``: a cut inside the main clause would change what it says.
    """
    return _render(sentence.tokens, _side_cuts(sentence.tokens, max_words))


def first_deeds(sentence: Sentence, max_words: int) -> str:
    """Return compress(), and where a chain of deeds still runs long, its first
    deeds: "Ron wins the match, and Harry kisses Ginny, and ..." -> "Ron wins the
    match." Each deed kept is one the sentence states; the ones dropped are
    told elsewhere or not at all, never changed."""
    tokens = sentence.tokens
    removed = _side_cuts(tokens, max_words)
    text = _render(tokens, removed)
    roots = [i for i, t in enumerate(tokens) if t.head == i]
    if len(roots) != 1:
        # Two sentences in one parse (The Town's "... cannot protect her |
        # either so she decides ..."): a deed cut from the first would join
        # what is left to the second.
        return text
    root = roots[0]
    deeds = [
        i
        for i, t in enumerate(tokens)
        if t.head == root and t.dep == "conj" and i > root
    ]
    for deed in reversed(deeds):
        if word_count(text) <= max_words:
            break
        start, end = _subtree(tokens, deed)
        opened = tokens[start - 1].dep in ("cc", "punct")
        while start > root + 1 and tokens[start - 1].dep in ("cc", "punct"):
            start -= 1  # its ", and" / "then" goes with it
        trial = removed | set(range(start, end))
        if (
            not opened
            or not _keeps_its_subject(tokens, trial)
            or _leaves_words_dangling(tokens, trial)
        ):
            # A deed the parser hung on the wrong verb ("decides killing him
            # will end it all"): cut, or with those before it cut, what is
            # left would say half a thing.
            break
        removed, text = trial, _render(tokens, trial)
    return text


def _leaves_words_dangling(tokens: tuple[Token, ...], removed: set[int]) -> bool:
    """Whether a word kept belongs to a word cut: "learns that one of the
    servant girls" without the verb the girls are the subject of."""
    return any(
        t.head in removed
        for i, t in enumerate(tokens)
        if i not in removed and t.dep != "punct"
    )


def _side_cuts(tokens: tuple[Token, ...], max_words: int) -> set[int]:
    """Return the tokens compress() leaves out; none but a parenthesis where
    the parse found two sentences in one (a cut would join their pieces)."""
    removed = _parentheses(tokens)
    if sum(1 for i, t in enumerate(tokens) if t.head == i) > 1:
        return removed
    text = _render(tokens, removed)
    for span in sorted(_side_spans(tokens), key=lambda s: s[1] - s[0]):
        if word_count(text) <= max_words:
            break
        if removed & set(range(*span)):
            continue
        trial = removed | set(range(*span))
        candidate = _render(tokens, trial)
        if (
            _keeps_its_subject(tokens, trial)
            and _keeps_named_before_pronouns(tokens, span, trial)
            and _keeps_quotes_paired(tokens, trial)
            and word_count(candidate) >= 4
        ):
            removed, text = trial, candidate
    return removed


def _keeps_quotes_paired(tokens: tuple[Token, ...], removed: set[int]) -> bool:
    """Whether a cut leaves every quotation whole: ', "Smoking."' cut after
    its opening mark left 'in the mask's voice." and kiss again'."""
    marks = [i for i, t in enumerate(tokens) if t.text in QUOTE_MARKS]
    gone = [i for i in marks if i in removed]
    return len(gone) % 2 == 0


def _parentheses(tokens: tuple[Token, ...]) -> set[int]:
    removed: set[int] = set()
    depth, start = 0, 0
    for index, token in enumerate(tokens):
        if token.text in ("(", "["):
            if depth == 0:
                start = index
            depth += 1
        elif token.text in (")", "]") and depth:
            depth -= 1
            opener = tokens[start + 1].text.lower() if start + 1 < index else ""
            if depth == 0 and opener not in HEDGING_OPENERS:
                removed.update(range(start, index + 1))
    return removed


def _side_spans(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Return (start, end) of comma-bounded side clauses, with one comma each."""
    spans = []
    last = len(tokens) - 1
    for index, token in enumerate(tokens):
        if token.dep not in SIDE_CLAUSES or token.head == index:
            continue
        if token.dep == "appos" and token.pos == "PROPN":
            continue  # "her sister, Kat, ...": the name is what matters
        if any(
            t.head == index and t.dep == "mark" and t.text.lower() in CONDITIONS
            for t in tokens
        ):
            continue  # "X dies if Y": without its condition it says X dies
        if _conditions_a_plan(tokens, index):
            continue
        if tokens[token.head].lemma.lower() in LINKING_VERBS:
            continue  # "he feels like he has no daughter": the feeling itself
        start, end = _subtree(tokens, index)
        if any(t.dep == "conj" and t.pos == "VERB" for t in tokens[start:end]):
            continue  # "…, but eventually wins Kat over": a deed, not an aside
        if _opens_unmarked_clause(tokens, index, start):
            continue
        if not _whole_subtree(tokens, index, start, end):
            continue  # a misparse: what is cut and what stays are tangled
        before = tokens[start - 1].text if start > 0 else ""
        after = tokens[end].text if end <= last else ""
        closes = end > last or tokens[end].text in CLOSERS
        # "because he fails", "while she sleeps": a clause its conjunction opens.
        opened = token.dep == "advcl" and tokens[start].pos == "SCONJ" and start > 0
        if (before == "," or opened) and closes:
            # Both commas go with a clause set in the middle: "Joey, a model, pays".
            spans.append(
                (start - (before == ","), end + (after == "," and before == ","))
            )
        elif start == 0 and after == ",":
            spans.append((0, end + 1))
    return spans


def _opens_unmarked_clause(tokens: tuple[Token, ...], index: int, start: int) -> bool:
    """Whether the phrase is what links an adverbial clause to the sentence:
    "taken off, in the hope that the gang is tricked, it will be too late"
    without it read "taken off it will be too late"."""
    head = tokens[index].head
    return (
        tokens[head].dep == "advcl"
        and start == _subtree(tokens, head)[0]
        and not any(t.head == head and t.dep == "mark" for t in tokens)
    )


def _conditions_a_plan(tokens: tuple[Token, ...], index: int) -> bool:
    """ "When he is arrested, he will plead insanity", "takes care of Lucy when
    Sam cannot": a time clause on a plan, or one that is itself a modal or a
    negation, is a condition; without it the rest says more than the sentence."""
    children = [t for t in tokens if t.head == index and t is not tokens[index]]
    marks = {t.text.lower() for t in children if t.dep in ("mark", "advmod")}
    if not marks & TIME_MARKS:
        return False
    governor = tokens[index].head
    on_a_plan = any(
        t.head == governor and t.dep == "aux" and t.tag == "MD" for t in tokens
    )
    own = tokens[index].tag == "MD" or any(
        t.dep == "neg" or (t.dep == "aux" and t.tag == "MD") for t in children
    )
    return on_a_plan or own


def _whole_subtree(tokens: tuple[Token, ...], index: int, start: int, end: int) -> bool:
    """Whether [start, end) is exactly the clause and nothing outside hangs on it.

    The small parser tangles clauses ("before he is rescued by a woman",
    with "woman" hung elsewhere): cutting such a clause leaves its pieces
    saying something else ("nearly kill him, a woman named Anna"). A clause
    with a hole in it, or a preposition without its object, is left whole.
    """
    inside = members(tokens, index)
    if len(inside) != end - start:
        return False
    following = [t for t in tokens[end:] if t.pos != "PUNCT"][:2]
    if [t.pos for t in following] == ["CCONJ", "SCONJ"]:
        return False  # "…, who admits that X, and that Y": Y was the clause's
    if following and (
        following[0].dep in ("npadvmod", "appos")
        or tokens[following[0].head].dep in ("npadvmod", "appos")
    ):
        # "rescued by a pair of humans, a woman named Anna": what follows
        # names what the clause spoke of.
        return False
    # "before he is rescued by" with "a woman" hung elsewhere: a preposition
    # left without its object.
    return not any(
        tokens[i].dep == "prep" and not any(t.head == i for t in tokens) for i in inside
    )


def members(tokens: tuple[Token, ...], index: int) -> set[int]:
    """Return the tokens a token heads, itself included: its whole phrase."""
    inside = {index}
    changed = True
    while changed:
        changed = False
        for i, token in enumerate(tokens):
            if i not in inside and token.head in inside and token.head != i:
                inside.add(i)
                changed = True
    return inside


def _subtree(tokens: tuple[Token, ...], index: int) -> tuple[int, int]:
    """Return the token range [start, end) that the token heads."""
    inside = members(tokens, index)
    return min(inside), max(inside) + 1


def _keeps_its_subject(tokens: tuple[Token, ...], removed: set[int]) -> bool:
    """The root, its subject and objects stay, and a leading clause never goes
    when the subject left behind is a pronoun it explains ("After Cameron
    fails, she tells him")."""
    root = next((i for i, t in enumerate(tokens) if t.head == i), None)
    if root is None or root in removed:
        return False
    core = [
        i
        for i, t in enumerate(tokens)
        if t.head == root and t.dep in ("nsubj", "nsubjpass", "dobj", "attr", "aux")
    ]
    if any(i in removed for i in core):
        return False
    leading_cut = 0 in removed
    subject_is_pronoun = any(
        tokens[i].text.lower() in PRONOUNS
        for i in core
        if tokens[i].dep in ("nsubj", "nsubjpass")
    )
    return not (leading_cut and subject_is_pronoun)


def _keeps_named_before_pronouns(
    tokens: tuple[Token, ...], span: tuple[int, int], removed: set[int]
) -> bool:
    """False when the span names someone a later "she" or "the two" needs:
    "..., where he kisses her; however, when Patrick asks Kat to prom, she
    becomes suspicious" without its "when" clause makes "she" someone else."""
    start, end = span
    if not any(tokens[i].pos == "PROPN" for i in range(start, end)):
        return True
    later = [i for i in range(end, len(tokens)) if i not in removed]
    return not any(
        tokens[i].text.lower() in PEOPLE_PRONOUNS
        or (tokens[i].text.lower() == "two" and tokens[i - 1].text.lower() == "the")
        for i in later
    )


def _render(tokens: tuple[Token, ...], removed: set[int]) -> str:
    parts: list[str] = []
    gap = False
    for index, token in enumerate(tokens):
        if index in removed:
            gap = True
            continue
        if gap and parts and not parts[-1].endswith(" ") and token.pos != "PUNCT":
            parts.append(" ")
        parts.append(token.text + (" " if token.space else ""))
        gap = False
    text = "".join(parts).strip()
    for bad, good in ((" ,", ","), (",,", ","), (", .", "."), (" .", "."), ("  ", " ")):
        text = text.replace(bad, good)
    text = text.lstrip(",; ")
    if text and not text[0].isupper():
        text = capitalised(text)
    if text and text[-1] not in ".!?\"'”":
        text = text.rstrip(",;: ") + "."
    return text
