from dataclasses import replace

from plotguide.engine.story import DERIVED, Line, QuizQuestion, SpoilerFree
from plotguide.engine.validators import validate


def failed(story):
    return {
        check.name: check.details
        for check in validate(story).report
        if not check.passed
    }


def test_an_invented_place_fails_the_support_check(harbor):
    line = Line("In a restless city, Nora Vance works.", (0,), DERIVED)
    story = replace(harbor, spoiler_free=replace(harbor.spoiler_free, lines=(line,)))
    problems = failed(story)
    assert "'restless'" in problems["supported_sentences"][0]
    assert "spoiler_free.lines[0]" in problems["supported_sentences"][0]
    assert "setting_consistency" in problems


def test_citing_past_the_boundary_fails_the_spoiler_check(harbor):
    last = len(harbor.sentences) - 1
    line = Line(harbor.sentences[last].text, (last,))
    story = replace(
        harbor, spoiler_free=SpoilerFree((line,), harbor.timeline.spoiler_boundary)
    )
    assert f"cites sentence {last}" in failed(story)["spoiler_boundary"][0]


def test_a_quiz_answer_missing_from_its_sentence_fails(harbor):
    question = QuizQuestion("Who?", ("Ann", "Bob", "Cy", "Di"), 0, "character", (0,))
    story = replace(harbor, quiz=replace(harbor.quiz, questions=(question,)))
    assert "answer 'Ann' not in sentences [0]" in failed(story)["quiz_answers"][0]


def test_doubled_names_fail(harbor):
    character = replace(harbor.characters[0], name="Nora Vance Nora Vance")
    story = replace(harbor, characters=(character,) + harbor.characters[1:])
    assert "no_doubled_names" in failed(story)


def test_an_uncredited_actor_fails(harbor):
    from tests.engine.plots import HARBOR

    character = replace(harbor.characters[0], actor="Somebody Else")
    story = replace(harbor, characters=(character,) + harbor.characters[1:])
    report = validate(story, HARBOR).report
    check = next(c for c in report if c.name == "actors_from_credits")
    assert not check.passed
    assert "Somebody Else" in check.details[0]
    assert not validate(story, HARBOR).is_publishable


def test_out_of_order_events_fail(harbor):
    events = harbor.timeline.events
    swapped = replace(harbor.timeline, events=(events[1], events[0]) + events[2:])
    assert "timeline_order" in failed(replace(harbor, timeline=swapped))
