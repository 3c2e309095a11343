"""Embed every plot sentence, a batch of films in one encoder call.

The turning points' encoder model reads how close each sentence's meaning is
to the whole plot's. Names weigh much in an embedding, so each sentence is
encoded with its characters' names made "someone" (cross-validated with and
without names: docs/quality.md). The encoder pads a forward pass to its
longest text; sentences of 32 films sorted by length fill its passes far
better than one film's 15 to 40 (docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from plotguide.engine.doc import SentenceEncoder, StoryDoc
from plotguide.engine.registry import batch_component
from plotguide.engine.vector import nameless_sentences


@batch_component("sentence_vectors", requires=("sentences", "characters"))
def embed_sentences(docs: list[StoryDoc]) -> list[StoryDoc]:
    """Fill each doc's sentence_vectors: one per sentence, or () without an encoder."""
    films_by_encoder: dict[SentenceEncoder, list[int]] = {}
    for n, doc in enumerate(docs):
        if doc.encoder is not None and doc.sentences:
            films_by_encoder.setdefault(doc.encoder, []).append(n)
    vectors: dict[int, tuple[Sequence[float], ...]] = {}
    for encode, films in films_by_encoder.items():
        texts = [
            text
            for n in films
            for text in nameless_sentences(
                [s.text for s in docs[n].sentences or ()], docs[n].characters or ()
            )
        ]
        encoded = iter(encode(texts))
        for n in films:
            vectors[n] = tuple(next(encoded) for _ in docs[n].sentences or ())
    return [
        replace(doc, sentence_vectors=vectors.get(n, ())) for n, doc in enumerate(docs)
    ]
