"""Which sentences and clauses tell something that is not the story's reality.

"Clarence shows George what the town would have been like without him" opens
a world where George was never born: "Harry is dead" and "Violet Bick is a
strip-dancer" follow as plain sentences, yet happen only there, until
"George ... begs to be allowed to live again". Jerry "tries to explain to
Osgood that Daphne cannot marry him, offering a series of objections:
"Daphne" smokes a lot; ..." makes excuses up. No clause of such a frame is a
fact of the story, so its tokens are marked here (Token.framed) and
plotguide/engine/assertion.py reads a marked clause as not asserted: no
fate, title, deed or relationship is derived from it as happening.

A frame opens on an alternate world, a dream, vision or hallucination, or
what a character makes up after a colon ("objections: ..."); it spans the
sentences after its opening only for an alternate world (until a sentence
that says the world is left, or a paragraph break) and a dream that the
text says is woken from.
"""

from __future__ import annotations

import re
from dataclasses import replace

from plotguide.engine.compress import members
from plotguide.engine.doc import Sentence, Token

ALTERNATE = "alternate world"
DREAM = "dream"
TOLD = "made up"

# "what the town would have been like without him", "a world where he was
# never born", "an alternate timeline", "had he never been born".
ALTERNATE_WORLD = re.compile(
    r"\b(?:alternate|alternative|parallel)[ -](?:timeline|reality|realities|"
    r"universe|world|dimension|future|present|history|version|life|ending|cut)\b"
    r"|\bwhat (?:the |his |her |their |its )?\w+(?: \w+)? would (?:have )?"
    r"(?:been|be|become|look) like\b"
    r"|\b(?:world|town|life|reality|timeline|future) (?:in which|where) \w+"
    r"(?: \w+)? (?:had |has |was |were )?never\b"
    r"|\bhad (?:he|she|they|I|[A-Z]\w+) never (?:been born|existed|lived)\b",
    re.IGNORECASE,
)
# "has a dream in which", "dreams that", "in a nightmare": a dream told as
# an episode, not "dreams of becoming a singer", a wish.
DREAM_EPISODE = re.compile(
    r"\b(?:has|had|having|experiences|suffers) (?:a |another |an? \w+ |the same )?"
    r"(?:dream|nightmare|vision|hallucination|daydream|fantasy)\b"
    r"|\bdreams (?:that|about how)\b|\bhallucinates\b"
    r"|\bin (?:a|an|his|her|their|the|one) (?:\w+ )?(?:dream|nightmare|"
    r"hallucination|daydream|fantasy)\b",
    re.IGNORECASE,
)
# Nouns that hold what is only dreamt or imagined: "In the dream, he ...".
FRAME_NOUNS = frozenset(
    ["dream", "nightmare", "vision", "hallucination", "daydream", "fantasy",
     "reverie", "delusion", "imagination"]
)  # fmt: skip
# Prepositions that set a clause inside a dream: "In the dream, he ...",
# not "confides to Alice about nightmares" or "pulls them into her dream".
SETTING_PREPOSITIONS = frozenset(["in", "during", "within", "inside"])
# Verbs of a dream had in sleep, not a wish ("gets his dream of ...").
DREAMING = frozenset(
    ["have", "experience", "suffer", "awaken", "wake", "recount", "describe",
     "recall", "torment", "haunt", "plague"]
)  # fmt: skip
# The words that open what a dream holds: "in which", "where", "that".
CONTENT_MARKS = frozenset(["which", "where", "that", "whom"])
# Worlds that are frames only when called other: "in an alternate timeline",
# not "alternate travel arrangements".
OTHER_WORLDS = frozenset(["alternate", "alternative", "parallel"])
WORLDS = frozenset(
    ["timeline", "reality", "universe", "world", "dimension", "future", "present",
     "history", "version", "life", "cut", "ending", "past"]
)  # fmt: skip
# A colon after one of these opens what a character makes up, not what
# happens: "offering a series of objections: "Daphne" smokes a lot".
MADE_UP = frozenset(
    ["excuse", "objection", "lie", "alibi", "pretend", "claim", "invent",
     "fabricate", "boast", "brag", "rumor", "rumour", "pretext"]
)  # fmt: skip
# The made-up word stands just before its colon ("a series of objections:"),
# not in a list of deeds the colon ends ("pretending to like what he likes,
# ..., teach her something: he then moves out").
COLON_REACH = 5
# A sentence that leaves the frame: "wakes up", "begs to be allowed to live
# again", "is back in the real world".
FRAME_ENDS = re.compile(
    r"\b(?:wakes?|woke|waking|awakens?|awoke|awakened|comes? to|snaps? out"
    r"|live again|real world|reality|restored|back to (?:life|normal|reality"
    r"|the present|his|her|their)|is back|are back|returns? to (?:the present"
    r"|reality|normal|his life|her life|life))\b",
    re.IGNORECASE,
)
# Verbs that leave an end cue undone: "tries to get her to wake up".
ATTEMPTS = frozenset(["try", "attempt", "fail", "want", "refuse", "struggle"])
# The most sentences a frame runs past its opening; longer, its end was missed.
MAX_SPAN = 12
DREAM_SPAN = 5
# A frame's title copies the clause that opens it, so it may run past the
# eight words of a built title, never past this.
MAX_TITLE_WORDS = 14
SUBJECTS = ("nsubj", "nsubjpass")
PUNCTUATION = ".,;:!?\"'“”‘’()…"


def mark_frames(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """Return the sentences with every token told inside a frame marked."""
    kinds = [[""] * len(s.tokens) for s in sentences]
    for index, sentence in enumerate(sentences):
        for position, kind in _within(sentence.tokens).items():
            kinds[index][position] = kinds[index][position] or kind
        kind = opening_kind(sentence.text)
        for inside in range(index + 1, frame_end(sentences, index, kind)):
            kinds[inside] = [k or kind for k in kinds[inside]]
    return tuple(
        replace(s, tokens=_marked(s.tokens, k)) if any(k) else s
        for s, k in zip(sentences, kinds, strict=True)
    )


def is_framed(sentence: Sentence) -> bool:
    """True when every word of the sentence is told inside a frame: none of
    it is the story's reality ("Harry is dead", in a world George never lived)."""
    words = [t for t in sentence.tokens if t.pos != "PUNCT"]
    return bool(words) and all(t.framed for t in words)


def frame_opening(sentences: tuple[Sentence, ...], index: int) -> int:
    """Return the sentence where the frame holding sentence ``index`` opens:
    the first of the run of sentences with framed tokens."""
    while index > 0 and any(t.framed for t in sentences[index - 1].tokens):
        if not is_framed(sentences[index]):
            break
        index -= 1
    return index


def frame_title(sentence: Sentence) -> str:
    """Return the clause that opens the sentence's frame, copied: "Clarence
    shows George what the town would have been like without him"; "" when
    the sentence opens inside its frame or no named subject opens it."""
    tokens = sentence.tokens
    framed = [i for i, t in enumerate(tokens) if t.framed and t.pos != "PUNCT"]
    if not framed or is_framed(sentence):
        return ""
    top = next((i for i in framed if tokens[i].head not in framed), None)
    if top is None:
        return ""
    verb = _clause_of(tokens, tokens[top].head)
    subject = next(
        (i for i, t in enumerate(tokens) if t.head == verb and t.dep in SUBJECTS),
        None,
    )
    if subject is None or tokens[subject].pos == "PRON" or framed[0] < verb:
        return ""
    start = min(members(tokens, subject))
    kept = tokens[start : framed[-1] + 1]
    if sum(t.pos != "PUNCT" for t in kept) > MAX_TITLE_WORDS:
        return ""
    text = "".join(t.text + (" " if t.space else "") for t in kept).strip()
    return text[:1].upper() + text[1:]


def told_inside(sentence: Sentence, text: str) -> bool:
    """True when a copy of the sentence ("Daphne smokes a lot") is words told
    inside its frame, in a row: a copy that would state them as done."""
    words = [w.strip(PUNCTUATION) for w in text.split()]
    words = [w for w in words if w]
    inside = [t.text for t in sentence.tokens if t.framed and t.pos != "PUNCT"]
    return bool(words) and any(
        inside[i : i + len(words)] == words for i in range(len(inside))
    )


def _marked(tokens: tuple[Token, ...], kinds: list[str]) -> tuple[Token, ...]:
    return tuple(
        t._replace(framed=k) if k else t for t, k in zip(tokens, kinds, strict=True)
    )


def opening_kind(text: str) -> str:
    """Return the kind of frame a sentence opens past itself, or ''."""
    if ALTERNATE_WORLD.search(text):
        return ALTERNATE
    if DREAM_EPISODE.search(text):
        return DREAM
    return ""


def frame_end(sentences: tuple[Sentence, ...], opening: int, kind: str) -> int:
    """Return the first sentence past the frame opened at ``opening``.

    An alternate world ends at the sentence that leaves it or at a paragraph
    break; a dream only where the text says it is woken from. Without an
    end within reach the frame stays inside its opening sentence.
    """
    if not kind:
        return opening + 1
    reach = MAX_SPAN if kind == ALTERNATE else DREAM_SPAN
    paragraph = sentences[opening].paragraph
    for index in range(opening + 1, min(len(sentences), opening + 1 + reach)):
        sentence = sentences[index]
        if sentence.paragraph != paragraph:
            return index if kind == ALTERNATE else opening + 1
        if any(
            not _attempted(sentence.tokens, _token_at(sentence.tokens, m.start()))
            for m in FRAME_ENDS.finditer(sentence.text)
        ):
            return index
    return opening + 1


def _attempted(tokens: tuple[Token, ...], index: int) -> bool:
    """True for "tries to get her to wake up": an end only tried for."""
    seen = set()
    while index not in seen:
        seen.add(index)
        if tokens[index].lemma.lower() in ATTEMPTS:
            return True
        index = tokens[index].head
    return False


def _within(tokens: tuple[Token, ...]) -> dict[int, str]:
    """Return the framed tokens of one sentence and their frame's kind."""
    found: dict[int, str] = {}
    colon = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if colon is not None and any(
        t.lemma.lower() in MADE_UP for t in tokens[max(0, colon - COLON_REACH) : colon]
    ):
        found.update(dict.fromkeys(range(colon + 1, len(tokens)), TOLD))
    text = "".join(t.text + (" " if t.space else "") for t in tokens)
    for match in ALTERNATE_WORLD.finditer(text):
        clause = _clause_of(tokens, _token_at(tokens, match.start()))
        found.update(dict.fromkeys(members(tokens, clause), ALTERNATE))
    for index, token in enumerate(tokens):
        if not _is_frame_noun(tokens, index):
            continue
        preposition = tokens[token.head]
        clause = preposition.head
        setting = preposition.text.lower() in SETTING_PREPOSITIONS
        if token.dep == "pobj" and setting and tokens[clause].pos in ("VERB", "AUX"):
            # "In the dream, he kills Voldemort": the clause it sets.
            kind = DREAM if token.lemma.lower() in FRAME_NOUNS else ALTERNATE
            found.update(dict.fromkeys(members(tokens, clause), kind))
            continue
        # "has a dream in which he dies", "a vision of Voldemort": what the
        # noun holds, not "the woman from his dreams" or "a vision she had";
        # a dream only when dreamt, not "gets his dream of becoming a spy".
        if token.lemma.lower() == "dream" and not _dreamt(tokens, index):
            continue
        for child in _contents(tokens, index):
            found.update(dict.fromkeys(members(tokens, child), DREAM))
    return found


def _dreamt(tokens: tuple[Token, ...], noun: int) -> bool:
    """True for "has a dream", "awakens from a dream": a dream had in sleep."""
    governor = tokens[noun].head
    if tokens[governor].dep == "prep":
        governor = tokens[governor].head
    return tokens[governor].lemma.lower() in DREAMING


def _contents(tokens: tuple[Token, ...], noun: int) -> list[int]:
    """Return the phrases that say what a dream holds: "of ...", "about
    ...", "that ...", "in which ...", "where ..."."""
    found = []
    for index, token in enumerate(tokens):
        if token.head != noun or index == noun:
            continue
        opening = {tokens[i].text.lower() for i in sorted(members(tokens, index))[:2]}
        about = token.dep == "prep" and token.text.lower() in ("of", "about")
        relative = token.dep in ("relcl", "acl") and bool(opening & CONTENT_MARKS)
        if about or relative:
            found.append(index)
    return found


def _is_frame_noun(tokens: tuple[Token, ...], index: int) -> bool:
    token = tokens[index]
    if token.pos != "NOUN":
        return False
    if token.lemma.lower() in FRAME_NOUNS:
        return True
    return token.lemma.lower() in WORLDS and any(
        t.head == index and t.text.lower() in OTHER_WORLDS for t in tokens
    )


def _token_at(tokens: tuple[Token, ...], offset: int) -> int:
    position = 0
    for index, token in enumerate(tokens):
        position += len(token.text) + (1 if token.space else 0)
        if position > offset:
            return index
    return len(tokens) - 1


def _clause_of(tokens: tuple[Token, ...], index: int) -> int:
    """Return the nearest verb at or above a token: its clause's head."""
    seen = set()
    while tokens[index].pos not in ("VERB", "AUX") and index not in seen:
        seen.add(index)
        index = tokens[index].head
    return index
