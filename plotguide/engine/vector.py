"""Story vectors for finding similar films.

`embed_stories` gives a story's meaning: a sentence embedding of its text
(encoder.py), computed by the catalogue-wide pass and stored with the story.
The `vector` component keeps the lexical vector of format version 1: hashed,
log-weighted lemmas of the plot's nouns, verbs and adjectives, plus the theme
set and the turning-point arc.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from plotguide.engine.doc import StoryDoc
from plotguide.engine.encoder import MODEL_NAME
from plotguide.engine.registry import component
from plotguide.engine.story import Character, Story, StoryVector
from plotguide.engine.text import STOPWORDS

DIMENSIONS = 4096
MAX_TERMS = 80
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
# Names the model and the text encoded: a stored embedding of another recipe
# is encoded again.
EMBEDDING_RECIPE = f"{MODEL_NAME}/summary-2"
# What a character's name becomes in the text encoded.
NAMELESS = "someone"


def embedding_text(story: Story) -> str:
    """The spoiler-free premise, then the plot summary, as one text, with the
    characters' names replaced by "someone".

    The encoder reads its first 256 tokens, about 190 words: the premise and
    the opening of the plot (docs/quality.md compares other choices). Names
    weigh much in a sentence embedding: with them, Half-Blood Prince's
    nearest film was Harry Brown, and Dirty Dancing's a film called Baby.
    """
    lines = [line.text for line in story.spoiler_free.lines]
    lines += [line.text for paragraph in story.summary.paragraphs for line in paragraph]
    return without_names(" ".join(lines), story.characters) or story.title


def nameless_sentences(
    texts: Sequence[str], characters: Sequence[Character]
) -> list[str]:
    """Return each sentence with its characters' names made NAMELESS."""
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


def embed_stories(
    encode: Callable[[list[str]], np.ndarray], stories: Sequence[Story]
) -> np.ndarray:
    """Return one unit vector per story; encode is Encoder.encode or alike."""
    return encode([embedding_text(story) for story in stories])


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
    return replace(doc, vector=StoryVector(terms, themes, arc))
