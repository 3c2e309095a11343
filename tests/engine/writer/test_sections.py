"""Writer sections: what each asks the model for and how an answer replaces it."""

from dataclasses import replace

from plotguide.engine.story import DERIVED, Line
from plotguide.engine.writer.schema import violations
from plotguide.engine.writer.sections import SECTIONS


def item(text: str, *sources: int) -> dict:
    return {"text": text, "sources": list(sources)}


def test_the_summary_asks_for_the_plot_before_the_ending_and_the_ending_apart(harbor):
    start = harbor.summary.ending_start
    request = SECTIONS["summary"].request(harbor)
    assert f"about sentences 1 to {start} only" in request.instruction
    last = len(harbor.sentences)
    assert f"about sentences {start + 1} to {last}." in request.instruction
    answer = {  # cited as the model counts: from 1
        "story": [item("Nora works.", 1), item("Sam joins  her.", 2)],
        "ending": [item("Crane falls.", start + 1)],
    }
    assert violations(answer, request.schema) == []

    written = SECTIONS["summary"].apply(harbor, answer, frozenset())
    assert written.enough and written.kept_count == 3
    summary = written.story.summary
    assert summary.paragraphs == (
        (Line("Nora works.", (0,), DERIVED), Line("Sam joins her.", (1,), DERIVED)),
    )
    assert summary.ending == (Line("Crane falls.", (start,), DERIVED),)


def test_a_rejected_sentence_is_left_out_and_too_few_left_is_not_enough(harbor):
    answer = {
        "story": [item("Nora works.", 1), item("Sam joins her.", 2)],
        "ending": [item("Crane falls.", harbor.summary.ending_start + 1)],
    }
    rejected = frozenset({"summary.paragraphs[0][1]"})
    written = SECTIONS["summary"].apply(harbor, answer, rejected)
    assert written.kept_count == 2 and not written.enough
    assert len(written.drafts) == 3


def test_a_summary_citing_the_wrong_side_of_the_ending_is_named(harbor):
    start = harbor.summary.ending_start
    drafts = (
        ("summary.paragraphs[0][0]", Line("Crane falls.", (start,))),
        ("summary.ending[0]", Line("Nora works.", (0,))),
    )
    assert list(SECTIONS["summary"].misplaced(harbor, drafts)) == [
        f"summary.paragraphs[0][0]: cites the final act (sentence {start} on)",
        f"summary.ending[0]: cites nothing from sentence {start} on (the end)",
    ]


def test_the_spoiler_free_request_stops_before_the_boundary(harbor):
    boundary = harbor.spoiler_free.boundary
    request = SECTIONS["spoiler_free"].request(harbor)
    assert f"Never mention sentence {boundary + 1} or anything after" in (
        request.instruction
    )
    early = replace(harbor, spoiler_free=replace(harbor.spoiler_free, boundary=1))
    assert SECTIONS["spoiler_free"].request(early) is None


def test_a_rejected_title_keeps_the_offline_one(harbor):
    events = harbor.timeline.events
    answer = {
        "titles": [{"event": 1, "title": "Nora starts."}, {"event": 2, "title": "Sam"}]
    }
    written = SECTIONS["timeline"].apply(
        harbor, answer, frozenset({"timeline.events[1].title"})
    )
    titles = [e.title for e in written.story.timeline.events]
    assert titles[0].text == "Nora starts"
    assert titles[1] == events[1].title
    assert written.kept_count == 1 and written.enough
