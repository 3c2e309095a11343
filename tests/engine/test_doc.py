"""StoryDoc and Sentence: what components pass along, never changed in place."""

import dataclasses

import pytest

from plotguide.engine.doc import StoryDoc
from plotguide.engine.parsing import to_paragraph
from plotguide.engine.sentences import build_sentences
from tests.engine.plots import film


@pytest.fixture(scope="module")
def parsed_doc(engine) -> StoryDoc:
    paragraph = to_paragraph(engine.nlp("Anna Bell finds a key. She opens doors."))
    return StoryDoc(
        film=film("Anna Bell finds a key. She opens doors."), parsed=(paragraph,)
    )


def test_a_component_returns_a_new_doc_and_leaves_its_input_alone(parsed_doc):
    built = build_sentences(parsed_doc)
    assert parsed_doc.sentences is None
    assert [s.id for s in built.sentences] == [0, 1]
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.sentences = ()


def test_sentence_lemmas_are_lower_case_for_cue_word_lookups(parsed_doc):
    first, second = build_sentences(parsed_doc).sentences
    assert {"anna", "find", "key"} <= first.lemmas()
    assert "door" in second.lemmas() and "doors" not in second.lemmas()
