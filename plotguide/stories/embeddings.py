"""Story embeddings, kept in the story's data so that a story is encoded only once.

The vector lives at data["vector"]["embedding"]. A rebuild replaces the data,
so a changed story loses its embedding and is encoded again on the next
refresh of similar films; an unchanged one is read back, never re-encoded.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Sequence

import numpy as np

from django.db import transaction

from plotguide.engine import Story as EngineStory
from plotguide.engine.encoder import DIMENSIONS, Encoder, fetch_model
from plotguide.engine.vector import EMBEDDING_RECIPE, embed_stories
from plotguide.paths import cache_dir
from plotguide.stories.models import Story


@functools.cache
def encoder() -> Encoder:
    """Load the sentence encoder once per process (about a second)."""
    return Encoder(fetch_model(cache_dir()))


def story_embeddings(
    stories: Sequence[Story], parsed: Sequence[EngineStory]
) -> np.ndarray:
    """Return one unit vector per story, encoding and storing the missing ones."""
    result = np.zeros((len(stories), DIMENSIONS), dtype=np.float32)
    missing = []
    for row, story in enumerate(stories):
        stored = _stored(story.data)
        if stored is None:
            missing.append(row)
        else:
            result[row] = stored
    if missing:
        result[missing] = embed_stories(encoder(), [parsed[row] for row in missing])
        _store([stories[row] for row in missing], result[missing])
    return result


def _stored(data: dict) -> np.ndarray | None:
    stored = (data.get("vector") or {}).get("embedding") or {}
    if stored.get("recipe") != EMBEDDING_RECIPE:
        return None
    values = np.frombuffer(base64.b64decode(stored["values"]), dtype="<f4")
    return values if values.shape == (DIMENSIONS,) else None


def _store(stories: Sequence[Story], vectors: np.ndarray) -> None:
    """Write each vector into its story's data, unless the story changed meanwhile.

    A story rebuilt since it was read has a new updated_at; it keeps its new
    data and is encoded on the next refresh.
    """
    with transaction.atomic():
        for story, vector in zip(stories, vectors, strict=True):
            story.data.setdefault("vector", {})["embedding"] = {
                "recipe": EMBEDDING_RECIPE,
                "values": base64.b64encode(vector.astype("<f4").tobytes()).decode(),
            }
            Story.objects.filter(pk=story.pk, updated_at=story.updated_at).update(
                data=story.data
            )
