"""Parsing: spaCy sentences as Tokens; a short fragment stays with its neighbour."""

import pytest

from plotguide.engine import ModelError
from plotguide.engine.parsing import load_model, to_paragraph


def test_a_fragment_too_short_to_stand_alone_joins_the_sentence_before(engine):
    doc = engine.nlp("Anna finds a key. Oh no. She opens the old door.")
    sentences = [" ".join(t.text for t in s) for s in to_paragraph(doc)]
    assert sentences == ["Anna finds a key . Oh no .", "She opens the old door ."]


def test_heads_point_inside_their_own_sentence(engine):
    doc = engine.nlp("Anna finds a key. She opens the old door.")
    for sentence in to_paragraph(doc):
        assert all(0 <= t.head < len(sentence) for t in sentence)
    [whole] = to_paragraph(doc, whole=True)
    assert len(whole) == len(doc)
    assert whole[1].lemma == "find" and whole[1].dep == "ROOT"


def test_a_missing_model_names_the_setting_and_the_fix():
    with pytest.raises(ModelError, match="spacy_model names 'no_such_model_xx'"):
        load_model("no_such_model_xx")
