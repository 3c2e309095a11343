"""What the model is told: the rules, the credits and the numbered plot, once.

The model sees the sentences counted from 1 and cites them back by those numbers;
every number in what it is told is in that count, and no instruction offers a
sentence for the model to copy into a film it is not about.
"""

import re

from plotguide.engine.writer.prompts import (
    RULES,
    cited,
    complaint,
    renumbered,
    system_message,
)
from plotguide.engine.writer.sections import SECTIONS, to_line
from tests.engine.plots import HARBOR


def test_the_system_message_numbers_the_plot_from_one_and_names_who_plays_whom(
    harbor,
):
    message = system_message(HARBOR, harbor)
    assert message["role"] == "system"
    text = message["content"]
    assert text.startswith(RULES)
    assert f"Film: {HARBOR.title}" in text
    credit = HARBOR.cast[0]
    assert f"{credit.character} (played by {credit.actor})" in text
    assert harbor.sentences[0].id == 0
    assert f"[1] {harbor.sentences[0].text}" in text
    assert "[0]" not in text
    last = harbor.sentences[-1]
    assert text.endswith(f"[{last.id + 1}] {last.text}")


def test_a_sentence_is_cited_back_by_the_number_the_model_was_shown(harbor):
    text = system_message(HARBOR, harbor)["content"]
    shown = dict(re.findall(r"^\[(\d+)\] (.*)$", text, re.M))
    line = to_line({"text": "Nora works.", "sources": [2, 1, 2]})
    assert line.sources == (0, 1)
    assert [harbor.sentences[i].text for i in line.sources] == [shown["1"], shown["2"]]
    assert cited(1) == 0


def test_instructions_name_the_sentences_in_the_models_count(harbor):
    start = harbor.summary.ending_start
    last = len(harbor.sentences)
    summary = SECTIONS["summary"].request(harbor).instruction
    assert f"about sentences 1 to {start} only" in summary
    assert f"about sentences {start + 1} to {last}." in summary
    boundary = harbor.spoiler_free.boundary
    spoiler_free = SECTIONS["spoiler_free"].request(harbor).instruction
    assert f"from sentences 1 to {boundary} only" in spoiler_free
    assert f"Never mention sentence {boundary + 1} or anything" in spoiler_free


def test_timeline_events_are_listed_from_one_with_their_own_words_and_no_example(
    harbor,
):
    events = harbor.timeline.events
    request = SECTIONS["timeline"].request(harbor)
    listed = request.instruction.splitlines()[1:]
    assert len(listed) == len(events)
    first = [i + 1 for line in events[0].lines for i in line.sources]
    assert listed[0].startswith(f"Event 1, from sentences {first}: ")
    assert events[0].lines[0].text in listed[0]
    assert "Mara" not in request.instruction and "e.g." not in request.instruction
    schema = request.schema["properties"]["events"]["items"]["properties"]
    assert schema["event"]["minimum"] == 1

    line = {"text": "Nora works.", "sources": first}
    events = [
        {"event": 1, "title": "Nora works", "line": line},
        {"event": 0, "title": "x", "line": line},
    ]
    written = SECTIONS["timeline"].apply(harbor, {"events": events}, frozenset())
    assert [where for where, _ in written.drafts] == [
        "timeline.events[0].title",
        "timeline.events[0].lines[0]",
    ]
    assert written.story.timeline.events[0].title.text == "Nora works"


def test_a_complaint_names_sentences_as_the_model_counts_them():
    assert renumbered("'Nora dies.': 'dies' not in sentences [0, 4]") == (
        "'Nora dies.': 'dies' not in sentences [1, 5]"
    )
    assert renumbered("cites [41], not all plot sentences") == (
        "cites [42], not all plot sentences"
    )
    assert renumbered("x: cites the final act (sentence 27 on)") == (
        "x: cites the final act (sentence 28 on)"
    )
    assert "sentences [1, 5]" in complaint(["'x': 'y' not in sentences [0, 4]"])


def test_a_complaint_lists_at_most_twelve_problems_and_asks_again():
    text = complaint([f"problem {n}" for n in range(20)])
    assert "- problem 11" in text and "- problem 12" not in text
    assert text.endswith("cite the sentences that state what you write.")
