"""Answer shapes: every way an answer breaks its schema is named with where."""

from plotguide.engine.writer.schema import lines, obj, violations

WRITTEN = lines(1, 2)


def test_a_conforming_answer_has_no_violations():
    assert violations([{"text": "Nora meets Sam.", "sources": [1, 2]}], WRITTEN) == []


def test_each_violation_names_its_place_in_the_answer():
    assert violations({"text": "x"}, WRITTEN) == ["answer must be array, got dict"]
    assert violations([], WRITTEN) == ["answer has 0 items; 1 to 2 expected"]
    assert violations([{"text": "A", "sources": [1], "x": 1}], WRITTEN) == [
        "answer[0] has unknown 'x'"
    ]
    assert violations([{"text": "  ", "sources": [0]}], WRITTEN) == [
        "answer[0].text is 2 characters long",
        "answer[0].sources[0] is 0, below 1",  # the model counts sentences from 1
    ]


def test_a_boolean_is_not_a_sentence_id_and_a_missing_field_is_named():
    assert violations([{"text": "A", "sources": [True]}], WRITTEN) == [
        "answer[0].sources[0] must be integer, got bool"
    ]
    assert violations({}, obj(story=WRITTEN), "reply") == ["reply lacks 'story'"]
