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


def test_a_rejected_title_or_line_keeps_the_offline_one(harbor):
    events = harbor.timeline.events
    answer = {
        "events": [
            {"event": 1, "title": "Nora starts.", "line": item("Vance learns.", 3)},
            {"event": 2, "title": "Sam", "line": item("Okafor finds a ledger.", 5)},
        ]
    }
    rejected = {"timeline.events[1].title", "timeline.events[0].lines[0]"}
    written = SECTIONS["timeline"].apply(harbor, answer, frozenset(rejected))
    timeline = written.story.timeline.events
    assert timeline[0].title.text == "Nora starts"
    assert timeline[0].lines == events[0].lines
    assert timeline[1].title == events[1].title
    assert timeline[1].lines == (Line("Okafor finds a ledger.", (4,), DERIVED),)
    assert written.kept_count == 2 and written.enough


def test_an_event_line_citing_outside_its_event_or_without_its_turning_point(harbor):
    first, second = harbor.timeline.events[:2]
    (own,) = [i for line in first.lines for i in line.sources]
    (later,) = [i for line in second.lines for i in line.sources]
    assert first.turning_points == ("tp1",)
    drafts = (
        ("timeline.events[0].title", Line("Vance learns", (own,))),
        ("timeline.events[0].lines[0]", Line("Okafor finds a ledger.", (later,))),
    )
    assert list(SECTIONS["timeline"].misplaced(harbor, drafts)) == [
        f"timeline.events[0].lines[0]: cites sentences [{later}], outside its "
        f"event's sentences [{own}]",
        f"timeline.events[0].lines[0]: leaves out sentence {own}, its turning point",
    ]


def test_arcs_are_asked_for_the_characters_with_one_and_laid_out_by_name(harbor):
    request = SECTIONS["characters"].request(harbor)
    vance = harbor.characters[0]
    named = [i + 1 for i in vance.mentions]
    assert f"Character 1: Nora Vance (also Vance), named in sentences {named}" in (
        request.instruction
    )
    answer = {
        "characters": [
            {
                "character": 1,
                "arc": [item("Vance works.", 1), item("Vance stays.", 18)],
            },
            {"character": 2, "arc": [item("Okafor joins.", 2)]},
        ]
    }
    assert violations(answer, request.schema) == []
    written = SECTIONS["characters"].apply(
        harbor, answer, frozenset({"characters[Sam Okafor].arc[0]"})
    )
    assert [where for where, _ in written.drafts] == [
        "characters[Nora Vance].arc[0]",
        "characters[Nora Vance].arc[1]",
        "characters[Sam Okafor].arc[0]",
    ]
    characters = written.story.characters
    assert [line.text for line in characters[0].arc] == ["Vance works.", "Vance stays."]
    assert characters[1] == harbor.characters[1]  # every sentence rejected
    assert characters[0].fate == vance.fate and characters[0].actor == vance.actor
    assert written.kept_count == 2 and written.enough


def test_an_arc_sentence_must_name_its_character_from_sentences_naming_them(harbor):
    vance = harbor.characters[0]
    unnamed = next(i for i in range(len(harbor.sentences)) if i not in vance.mentions)
    drafts = (
        ("characters[Nora Vance].arc[0]", Line("She is weary.", (0,))),
        ("characters[Nora Vance].arc[1]", Line("Vance's partner.", (unnamed,))),
        ("characters[Nora Vance].arc[2]", Line("Vance stays.", (vance.mentions[-1],))),
    )
    assert list(SECTIONS["characters"].misplaced(harbor, drafts)) == [
        "characters[Nora Vance].arc[0]: does not name Nora Vance",
        f"characters[Nora Vance].arc[1]: cites sentences [{unnamed}], which do "
        "not name them",
    ]


def test_theme_paragraphs_are_written_for_the_offline_themes_only(harbor):
    theme = harbor.themes[0]
    request = SECTIONS["themes"].request(harbor)
    assert f"Theme 1: {theme.name} ({theme.meaning}); it shows in sentences" in (
        request.instruction
    )
    answer = {
        "themes": [
            {"theme": 1, "paragraph": [item("Vance is a detective.", 1)]},
            {"theme": 9, "paragraph": [item("Crane falls.", 15)]},
        ]
    }
    written = SECTIONS["themes"].apply(harbor, answer, frozenset())
    assert [where for where, _ in written.drafts] == [
        f"themes[{theme.id}].paragraph[0]"
    ]
    (told,) = written.story.themes
    assert told.paragraph == (Line("Vance is a detective.", (0,), DERIVED),)
    assert (told.id, told.name, told.emoji) == (theme.id, theme.name, theme.emoji)
