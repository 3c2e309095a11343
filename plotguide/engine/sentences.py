"""The `sentences` component: number the parsed sentences and find entities."""

from __future__ import annotations

from dataclasses import replace

from plotguide.engine.doc import Entity, Sentence, StoryDoc, Token
from plotguide.engine.frames import mark_frames
from plotguide.engine.registry import component


@component("sentences")
def build_sentences(doc: StoryDoc) -> StoryDoc:
    """Give every parsed sentence a stable id in source order.

    Ids are what every other section cites, so they count every sentence,
    including empty pre-split ones, to keep outside annotations aligned.
    Tokens told inside a dream, an alternate world or a character's excuse
    are marked here, before any section derives a claim from them.
    """
    sentences: list[Sentence] = []
    for paragraph_number, paragraph in enumerate(doc.parsed):
        for tokens in paragraph:
            sentences.append(
                Sentence(
                    id=len(sentences),
                    paragraph=paragraph_number,
                    text=render(tokens),
                    tokens=tokens,
                    entities=entities(tokens),
                )
            )
    return replace(doc, sentences=mark_frames(tuple(sentences)))


def render(tokens: tuple[Token, ...]) -> str:
    """Return the sentence text exactly as the tokens spell it."""
    return "".join(t.text + (" " if t.space else "") for t in tokens).strip()


def entities(tokens: tuple[Token, ...]) -> tuple[Entity, ...]:
    """Return the named-entity spans of one sentence from the IOB tags."""
    found = []
    start = None
    for index, token in enumerate(
        tokens + (Token("", "", "", "", "", 0, "", "O", False),)
    ):
        if start is not None and token.ent_iob != "I":
            label = tokens[start].ent
            found.append(Entity(label, start, index, render(tokens[start:index])))
            start = None
        if token.ent_iob == "B":
            start = index
    return tuple(found)
