"""The story vector and the meaning that similar films compare."""

import math

import numpy as np
import pytest

from plotguide.engine import EngineConfig, OfflineEngine
from plotguide.engine.encoder import Encoder, fetch_model
from plotguide.engine.vector import (
    DIMENSIONS,
    embed_stories,
    meaning_vector,
)
from plotguide.paths import cache_dir
from tests.engine.plots import HARBOR


def test_terms_are_a_unit_vector_and_the_arc_follows_the_turning_points(harbor):
    vector = harbor.vector
    assert vector.terms
    assert all(0 <= index < DIMENSIONS for index, _ in vector.terms)
    assert math.isclose(sum(w * w for _, w in vector.terms), 1.0, abs_tol=1e-3)
    assert vector.arc == tuple(sorted(vector.arc))
    assert len(vector.arc) == len(harbor.timeline.turning_points)
    assert all(0.0 <= position <= 1.0 for position in vector.arc)
    assert vector.themes == tuple(theme.id for theme in harbor.themes)


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return Encoder(fetch_model(cache_dir()))


def test_the_story_keeps_the_meaning_that_similar_films_would_encode(harbor, encoder):
    """The engine's stored meaning saves the similar films from encoding again."""
    config = EngineConfig(sentence_encoder=lambda texts: encoder.encode(texts).tolist())
    encoded = OfflineEngine(config).run(HARBOR)
    assert harbor.vector.meaning == ""  # built without an encoder
    stored = meaning_vector(encoded.vector.meaning)
    assert np.linalg.norm(stored) == pytest.approx(1.0, abs=1e-5)
    (from_sentences,) = embed_stories(encoder.encode, [harbor])
    assert from_sentences == pytest.approx(stored, abs=1e-5)
    assert embed_stories(encoder.encode, [encoded])[0] == pytest.approx(stored)
