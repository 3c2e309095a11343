"""Quiz answers are scored on the server, each with the sentence that states it."""

from __future__ import annotations

from plotguide.stories.quiz import questions_without_answers, score_quiz


def test_questions_for_readers_carry_no_answers(keeper):
    questions = questions_without_answers(keeper.story.data)
    assert questions
    assert all(set(q) == {"number", "question", "options"} for q in questions)


def test_right_answers_score_and_wrong_ones_are_corrected_with_evidence(keeper):
    data = keeper.story.data
    questions = data["quiz"]["questions"]
    answers = {n: q["answer"] for n, q in enumerate(questions)}
    assert score_quiz(data, answers).score == len(questions)
    wrong = {0: (questions[0]["answer"] + 1) % 4}
    result = score_quiz(data, wrong)
    assert result.score == 0
    first = result.corrections[0]
    assert not first.is_correct
    assert first.answer in " ".join(first.evidence)


def test_missing_and_out_of_range_answers_count_as_wrong(keeper):
    result = score_quiz(keeper.story.data, {0: 99})
    assert result.score == 0
    assert result.corrections[0].chosen is None
