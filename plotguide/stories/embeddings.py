"""What similar films read of each story, kept in the story's data: read once.

data["vector"]["profile"] holds the story's embedding (base64 float32), its
main characters and its premise words. A refresh reads only this small record,
without loading or parsing the story. The engine stores the embedding with a
story it builds with its sentence encoder (vector.meaning); a story built
without one is encoded here. A rebuild replaces the data, so a changed story
is read again on the next refresh.
"""

from __future__ import annotations

import base64
import functools
import logging
import multiprocessing
import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.fields.json import KeyTransform

from plotguide.engine import Story as EngineStory
from plotguide.engine.encoder import (
    Encoder,
    encode_in_processes,
    fetch_model,
)
from plotguide.engine.errors import StoryFormatError
from plotguide.engine.similar import story_profile
from plotguide.engine.vector import EMBEDDING_RECIPE, embed_stories
from plotguide.paths import cache_dir
from plotguide.stories.models import Story

logger = logging.getLogger(__name__)

# Texts per encoding process: below this, starting a process (loading the
# model, about a second) costs more than it saves.
TEXTS_PER_PROCESS = 200
LOAD_CHUNK = 500  # stories whose whole data is loaded at once


@dataclass(frozen=True)
class StoryTraits:
    """A story's part of its similar-films profile; the catalogue gives the rest."""

    embedding: np.ndarray
    characters: tuple[str, ...]
    premise: tuple[str, ...]


@functools.cache
def encoder() -> Encoder:
    """Load the sentence encoder once per process (about a second)."""
    return Encoder(fetch_model(cache_dir()))


def encode(texts: list[str]) -> np.ndarray:
    """Encode in this process, or over one process per core for many texts.

    A daemon process (a Celery worker's) may not start processes of its own.
    """
    processes = min(os.cpu_count() or 1, len(texts) // TEXTS_PER_PROCESS)
    if processes > 1 and not multiprocessing.current_process().daemon:
        return encode_in_processes(fetch_model(cache_dir()), texts, processes)
    return encoder().encode(texts)


def story_traits(stories: QuerySet[Story]) -> tuple[list[Story], list[StoryTraits]]:
    """Return the stories with their traits, parsing and encoding the new ones.

    A story whose data this engine cannot read is left out with a warning.
    """
    rows = list(
        stories.defer("data", "report", "corrections").annotate(
            profile=KeyTransform("profile", KeyTransform("vector", "data"))
        )
    )
    traits: dict[int, StoryTraits] = {}
    for story in rows:
        profile = story.profile or {}
        if profile.get("recipe") == EMBEDDING_RECIPE:
            traits[story.pk] = StoryTraits(
                np.frombuffer(base64.b64decode(profile["embedding"]), dtype="<f4"),
                tuple(profile["characters"]),
                tuple(profile["premise"]),
            )
    new = [story for story in rows if story.pk not in traits]
    if new:
        traits.update(_new_traits(new))
    kept: list[Story] = [story for story in rows if story.pk in traits]
    return kept, [traits[story.pk] for story in kept]


def _new_traits(stories: Sequence[Story]) -> dict[int, StoryTraits]:
    """Read these stories' embeddings, encoding those that have none, and
    store their profiles.

    Stories are read a chunk at a time and kept only as their embedding and
    names, so memory stays small; the sentences of those without a stored
    meaning are encoded in one call per chunk.
    """
    traits: dict[int, StoryTraits] = {}
    for chunk in _chunks(stories):
        parsed: dict[int, EngineStory] = {}
        for pk, data in Story.objects.filter(pk__in=chunk).values_list("pk", "data"):
            try:
                parsed[pk] = EngineStory.from_dict(data)
            except StoryFormatError as exc:
                logger.warning("Skipping story %s: %s", pk, exc)
        vectors = embed_stories(encode, list(parsed.values()))
        for (pk, story), vector in zip(parsed.items(), vectors, strict=True):
            profile = story_profile(story, None)
            traits[pk] = StoryTraits(vector, profile.characters, profile.premise)
    _store([story for story in stories if story.pk in traits], traits)
    return traits


def _store(stories: list[Story], traits: dict[int, StoryTraits]) -> None:
    """Write each story's profile into its data, unless the story changed meanwhile."""
    updated_at = {story.pk: story.updated_at for story in stories}
    for chunk in _chunks(stories):
        with transaction.atomic():
            rows = Story.objects.filter(pk__in=chunk).values_list("pk", "data")
            for pk, data in rows:
                found = traits[pk]
                data.setdefault("vector", {})["profile"] = {
                    "recipe": EMBEDDING_RECIPE,
                    "embedding": base64.b64encode(
                        found.embedding.astype("<f4").tobytes()
                    ).decode(),
                    "characters": list(found.characters),
                    "premise": list(found.premise),
                }
                # A story rebuilt since it was first read keeps its new data.
                Story.objects.filter(pk=pk, updated_at=updated_at[pk]).update(data=data)


def _chunks(stories: Sequence[Story]) -> list[list[int]]:
    keys = [story.pk for story in stories]
    return [
        keys[start : start + LOAD_CHUNK] for start in range(0, len(keys), LOAD_CHUNK)
    ]
