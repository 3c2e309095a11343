"""The story vector and the text that is embedded for similar films."""

import math
import re

from plotguide.engine.vector import DIMENSIONS, NAMELESS, embedding_text


def test_terms_are_a_unit_vector_and_the_arc_follows_the_turning_points(harbor):
    vector = harbor.vector
    assert vector.terms
    assert all(0 <= index < DIMENSIONS for index, _ in vector.terms)
    assert math.isclose(sum(w * w for _, w in vector.terms), 1.0, abs_tol=1e-3)
    assert vector.arc == tuple(sorted(vector.arc))
    assert len(vector.arc) == len(harbor.timeline.turning_points)
    assert all(0.0 <= position <= 1.0 for position in vector.arc)
    assert vector.themes == tuple(theme.id for theme in harbor.themes)


def test_the_embedded_text_names_no_character(harbor):
    text = embedding_text(harbor)
    assert NAMELESS in text
    for character in harbor.characters:
        for word in character.name.split():
            assert not re.search(rf"\b{re.escape(word)}\b", text), word
