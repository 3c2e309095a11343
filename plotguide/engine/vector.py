"""The `vector` component: a lexical story vector for finding similar films.

Hashed, log-weighted lemmas of the plot's nouns, verbs and adjectives, plus
the theme set and the turning-point arc. Sentence embeddings were measured
as too slow for the speed target (see docs/quality.md).
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from dataclasses import replace

from plotguide.engine.doc import StoryDoc
from plotguide.engine.registry import component
from plotguide.engine.story import StoryVector
from plotguide.engine.text import STOPWORDS

DIMENSIONS = 4096
MAX_TERMS = 80
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})


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
    arc = tuple(round(tp.sentence / count, 4) for tp in doc.timeline.turning_points)
    themes = tuple(theme.id for theme in doc.themes or ())
    return replace(doc, vector=StoryVector(terms, themes, arc))
