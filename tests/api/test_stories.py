"""A film's story under each spoiler mode, its similar films and its quiz."""

from __future__ import annotations

import pytest

from plotguide.stories.models import SimilarFilm, Story
from plotguide.stories.spoilers import cutoff, parse_mode
from tests.api.conftest import get_json, post_json

pytestmark = pytest.mark.django_db

STORY = "/films/the-keeper-1970/story"


def sentences_after(story: Story, mode: str) -> list[str]:
    """Return the plot sentences a mode must keep out of the response."""
    last = cutoff(story.sections, parse_mode(mode))
    return [s["text"] for s in story.sections["sentences"] if s["id"] > last]


def sentences_through(story: Story, mode: str) -> list[str]:
    last = cutoff(story.sections, parse_mode(mode))
    return [s["text"] for s in story.sections["sentences"] if s["id"] <= last]


@pytest.mark.parametrize("query", ["", "?spoilers=none"])
def test_no_spoilers_keeps_everything_past_the_boundary_out_of_the_body(
    client, catalogue, query
):
    story = catalogue.keeper.story
    response = client.get(f"/api/v1{STORY}{query}")
    body = response.content.decode()
    hidden = sentences_after(story, "none")
    assert hidden, "the test plot must have sentences past the boundary"
    for text in hidden:
        assert text not in body
    for text in sentences_through(story, "none"):
        assert text in body
    data = response.json()
    assert data["spoilers"] == "none"
    assert data["timeline"]["events"] == []
    assert data["summary"]["ending"] == []


def test_up_to_an_event_shows_that_event_and_nothing_after_it(client, catalogue):
    story = catalogue.keeper.story
    body = client.get(f"/api/v1{STORY}?spoilers=upto:3").content.decode()
    hidden = sentences_after(story, "upto:3")
    assert (
        "Erik is rescued and arrested, and Anna keeps the lighthouse alone." in hidden
    )
    for text in hidden:
        assert text not in body
    event = story.sections["timeline"]["events"][3]
    last = max(source for line in event["lines"] for source in line["sources"])
    assert story.sections["sentences"][last]["text"] in sentences_through(
        story, "upto:3"
    )
    for text in sentences_through(story, "upto:3"):
        assert text in body


def test_all_shows_the_ending_but_never_the_report_vector_or_quiz_answers(
    client, catalogue
):
    response = client.get(f"/api/v1{STORY}?spoilers=all")
    body = response.content.decode()
    for sentence in catalogue.keeper.story.sections["sentences"]:
        assert sentence["text"] in body
    for key in ('"report"', '"vector"', '"quiz"', '"answer"', "supported_sentences"):
        assert key not in body
    data = response.json()
    assert data["spoilers"] == "all"
    assert len(data["timeline"]["events"]) == 6


@pytest.mark.parametrize("mode", ["none", "upto:3", "all"])
def test_spoiler_choices_name_only_the_events_the_mode_shows(client, catalogue, mode):
    body = get_json(client, f"{STORY}?spoilers={mode}")
    shown = {sentence["id"] for sentence in body["sentences"]}
    events = catalogue.keeper.story.sections["timeline"]["events"]
    for event, choice in zip(events, body["spoiler_choices"], strict=True):
        cited = {
            s for line in (event["title"], *event["lines"]) for s in line["sources"]
        }
        title = event["title"]["text"] if cited <= shown else "(a later event)"
        assert choice["label"] == f"{choice['event'] + 1}. {title}"
    labels = [choice["label"] for choice in body["spoiler_choices"]]
    assert ("(a later event)" in labels[-1]) is (mode != "all")


@pytest.mark.parametrize("mode", ["some", "upto:", "upto:-1", "upto:x", "ALL!"])
def test_an_unknown_spoiler_mode_is_refused_with_the_valid_ones(
    client, catalogue, mode
):
    body = get_json(client, f"{STORY}?spoilers={mode}", status=422)
    assert body["error"]["code"] == "invalid_spoiler_mode"
    assert body["error"]["field"] == "spoilers"
    assert "use 'none', 'upto:<event>'" in body["error"]["message"]


def test_an_unpublished_story_never_leaves(client, catalogue):
    for path in ("story?spoilers=all", "quiz", "similar"):
        body = client.get(f"/api/v1/films/night-train-1985/{path}")
        assert body.status_code == 404
        assert body.json()["error"]["code"] == "story_not_found"
        assert "art detective" not in body.content.decode()


def test_a_film_without_a_story_and_an_unknown_film_differ(client, catalogue):
    body = get_json(client, "/films/empty-rooms-1999/story", status=404)
    assert body["error"]["code"] == "story_not_found"
    body = get_json(client, "/films/nothing-here/story", status=404)
    assert body["error"]["code"] == "film_not_found"


def test_similar_films_come_with_reasons_and_only_when_published(client, catalogue):
    stored = SimilarFilm.objects.filter(story__film=catalogue.keeper)
    assert stored.filter(film=catalogue.draft).exists()
    similar = get_json(client, "/films/the-keeper-1970/similar")
    assert [(s["film"]["slug"], s["rank"], s["reasons"]) for s in similar] == [
        (row.film.slug, row.rank, row.reasons)
        for row in stored.filter(film=catalogue.harbour)
    ]
    assert similar[0]["film"]["has_story"] is True


@pytest.mark.parametrize(
    ("mode", "reasons"),
    [
        ("", ["both star Liv Ullmann"]),
        ("?spoilers=upto:0", ["both star Liv Ullmann"]),
        ("?spoilers=upto:3", ["both follow Inspector Dahl", "both star Liv Ullmann"]),
        ("?spoilers=all", ["both follow Inspector Dahl", "both star Liv Ullmann"]),
    ],
)
def test_a_reason_naming_a_character_the_choice_hides_is_left_out(
    client, catalogue, mode, reasons
):
    SimilarFilm.objects.filter(
        story__film=catalogue.keeper, film=catalogue.harbour
    ).update(reasons=["both follow Inspector Dahl", "both star Liv Ullmann"])
    similar = get_json(client, f"/films/the-keeper-1970/similar{mode}")
    assert similar[0]["reasons"] == reasons


def test_the_quiz_has_questions_but_no_answers(client, catalogue):
    questions = catalogue.keeper.story.sections["quiz"]["questions"]
    quiz = get_json(client, "/films/the-keeper-1970/quiz?spoilers=all")
    assert quiz["questions"] == [
        {"number": number, "question": q["question"], "options": q["options"]}
        for number, q in enumerate(questions)
    ]
    assert "answer" not in str(quiz)


@pytest.mark.parametrize("mode", ["", "?spoilers=none", "?spoilers=upto:3"])
def test_the_quiz_asks_only_what_the_spoiler_choice_shows(client, catalogue, mode):
    questions = catalogue.keeper.story.sections["quiz"]["questions"]
    last = cutoff(catalogue.keeper.story.sections, parse_mode(mode[10:] or "none"))
    quiz = get_json(client, f"/films/the-keeper-1970/quiz{mode}")
    asked = {q["question"] for q in quiz["questions"]}
    assert asked, "the test plot must have a question before the boundary"
    assert asked <= {q["question"] for q in questions if max(q["sources"]) <= last}
    result = post_json(client, f"/films/the-keeper-1970/quiz{mode}", {"answers": []})
    assert result["total"] == len(asked)


def test_answers_are_scored_with_the_sentence_behind_each_answer(client, catalogue):
    questions = catalogue.keeper.story.sections["quiz"]["questions"]
    wrong = (questions[1]["answer"] + 1) % len(questions[1]["options"])
    answers = [questions[0]["answer"], wrong]
    result = post_json(
        client, "/films/the-keeper-1970/quiz?spoilers=all", {"answers": answers}
    )
    assert (result["score"], result["total"]) == (1, len(questions))
    first, second = result["corrections"][:2]
    assert first["is_correct"] is True
    assert first["evidence"] == [
        "In 1962, Anna Berg works as a lighthouse keeper on a remote Norwegian island."
    ]
    assert second["is_correct"] is False
    assert second["chosen"] == questions[1]["options"][wrong]
    assert second["answer"] == questions[1]["options"][questions[1]["answer"]]


def test_unanswered_and_impossible_answers_count_as_wrong(client, catalogue):
    result = post_json(
        client, "/films/the-keeper-1970/quiz?spoilers=all", {"answers": [7]}
    )
    assert result["score"] == 0
    assert {c["chosen"] for c in result["corrections"]} == {None}


def test_answers_must_be_a_list_of_option_numbers(client, catalogue):
    body = post_json(
        client, "/films/the-keeper-1970/quiz", {"answers": "all of them"}, status=422
    )
    assert body["error"]["code"] == "invalid_field"
    assert body["error"]["field"] == "answers"
