"""Story vectors for finding similar films.

A story's meaning is the mean of its plot sentences' embeddings (encoder.py),
each sentence with its characters' names made "someone": the turning points
embed the same sentences (sentence_vectors.py), so the engine stores the mean
with the story and the similar films encode nothing more. The `vector`
component also keeps the lexical vector of format version 1: hashed,
log-weighted lemmas of the plot's nouns, verbs and adjectives, plus the theme
set and the turning-point arc.
"""

from __future__ import annotations

import base64
import math
import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from plotguide.engine.doc import StoryDoc
from plotguide.engine.encoder import DIMENSIONS as EMBEDDING_DIMENSIONS
from plotguide.engine.encoder import MODEL_NAME
from plotguide.engine.registry import component
from plotguide.engine.story import Character, Story, StoryVector
from plotguide.engine.text import STOPWORDS

DIMENSIONS = 4096
MAX_TERMS = 80
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
# Names the model and the text encoded: a stored embedding of another recipe
# is encoded again.
EMBEDDING_RECIPE = f"{MODEL_NAME}/sentences-1"
# What a character's name becomes in the text encoded.
NAMELESS = "someone"


def nameless_sentences(
    texts: Sequence[str], characters: Sequence[Character]
) -> list[str]:
    """Return each sentence with its characters' names made NAMELESS.

    Names weigh much in a sentence embedding: with them, Half-Blood Prince's
    nearest film was Harry Brown, and Dirty Dancing's a film called Baby.
    """
    return [without_names(text, characters) or text for text in texts]


def without_names(text: str, characters: Sequence[Character]) -> str:
    """Return the text with every form of the characters' names made NAMELESS."""
    forms = {
        form
        for character in characters
        for name in (character.name, *character.aliases)
        for form in (name, *name.split())
        if len(form) > 1
    }
    if not forms:
        return text
    pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    text = re.sub(rf"\b(?:{pattern})\b", NAMELESS, text)
    return re.sub(rf"\b{NAMELESS}(?: {NAMELESS})+\b", NAMELESS, text)


def mean_meaning(vectors: np.ndarray | Sequence[Sequence[float]]) -> np.ndarray:
    """Return the unit mean of sentence embeddings, as float32."""
    mean: np.ndarray = np.asarray(vectors, dtype=np.float32).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else mean


def meaning_text(meaning: np.ndarray) -> str:
    """Return an embedding as StoryVector.meaning keeps it: float32, base64."""
    return base64.b64encode(meaning.astype("<f4").tobytes()).decode()


def meaning_vector(text: str) -> np.ndarray:
    """Return the embedding that meaning_text stored."""
    return np.frombuffer(base64.b64decode(text), dtype="<f4")


def embed_stories(
    encode: Callable[[list[str]], np.ndarray], stories: Sequence[Story]
) -> np.ndarray:
    """Return one unit vector per story: its stored meaning, or encoded now.

    encode is Encoder.encode or alike; the sentences of every story without a
    stored meaning (built without an encoder) go to it in one call.
    """
    rows = np.zeros((len(stories), EMBEDDING_DIMENSIONS), np.float32)
    texts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    for row, story in enumerate(stories):
        if story.vector.meaning:
            rows[row] = meaning_vector(story.vector.meaning)
            continue
        sentences = [s.text for s in story.sentences] or [story.title]
        spans.append((row, len(texts), len(texts) + len(sentences)))
        texts += nameless_sentences(sentences, story.characters)
    if texts:
        encoded = encode(texts)
        for row, start, end in spans:
            rows[row] = mean_meaning(encoded[start:end])
    return rows


@component("vector", requires=("sentences", "characters", "timeline", "themes"))
def build_vector(doc: StoryDoc) -> StoryDoc:
    """Return the story vector; names are left out so that shared words count."""
    names = {
        word.lower()
        for c in doc.characters or ()
        for form in (c.name, *c.aliases)
        for word in form.split()
    }
    counts: Counter[int] = Counter()
    for sentence in doc.sentences or ():
        for token in sentence.tokens:
            lemma = token.lemma.lower()
            if (
                token.pos in CONTENT_POS
                and lemma.isalpha()
                and len(lemma) > 2
                and lemma not in STOPWORDS
                and lemma not in names
            ):
                counts[zlib.crc32(lemma.encode()) % DIMENSIONS] += 1
    weights = {index: 1 + math.log(count) for index, count in counts.items()}
    top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    terms = tuple(sorted((index, round(w / norm, 5)) for index, w in top))
    count = max(len(doc.sentences or ()) - 1, 1)
    turning_points = doc.timeline.turning_points if doc.timeline else ()
    arc = tuple(round(tp.sentence / count, 4) for tp in turning_points)
    themes = tuple(theme.id for theme in doc.themes or ())
    vectors = doc.sentence_vectors
    meaning = meaning_text(mean_meaning(vectors)) if vectors else ""
    return replace(doc, vector=StoryVector(terms, themes, arc, meaning))
