"""Story: publishable only when every faithfulness check passed."""

from dataclasses import replace

from plotguide.engine.story import Check


def test_a_story_with_a_failed_check_is_held_back_and_names_it(harbor):
    failed = Check("quiz_answers", False, ("question 3 has no answer",))
    held = replace(harbor, report=harbor.report + (failed,))
    assert not held.is_publishable
    assert held.failed_checks() == (failed,)


def test_a_story_that_was_never_checked_is_not_publishable(harbor):
    assert not replace(harbor, report=()).is_publishable


def test_good_stories_are_publishable(harbor, garden):
    assert harbor.is_publishable, harbor.failed_checks()
    assert garden.is_publishable, garden.failed_checks()
