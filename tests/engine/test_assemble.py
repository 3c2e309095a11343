"""Assembling the Story: a section the pipeline did not produce says so."""

from plotguide.engine.assemble import NOT_PRODUCED, assemble
from plotguide.engine.doc import StoryDoc
from tests.engine.plots import film


def test_sections_left_out_of_the_pipeline_are_empty_and_say_why():
    doc = StoryDoc(film=film("Anna finds a key.", title="Keys"), parsed=())
    story = assemble(doc, "offline", "9.9.9", notes=("cut",))
    assert (story.title, story.engine_version) == ("Keys", "9.9.9")
    assert story.quiz.note == story.timeline.note == story.summary.note == NOT_PRODUCED
    assert story.spoiler_free.note == NOT_PRODUCED
    assert story.after_credits.text == "not known yet"
    assert story.setting.time_period.value == "not stated"
    assert (story.sentences, story.characters, story.themes) == ((), (), ())
    assert story.notes == ("cut",)


def test_a_stored_sentence_keeps_its_lemmas_so_checks_rerun_without_the_parser(
    harbor,
):
    first = harbor.sentences[0]
    assert first.text.startswith("Detective Nora Vance is")
    assert {"be", "detective"} <= set(first.lemmas.split())
