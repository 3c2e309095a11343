"""Guards on written sentences: no negation, hedge or fate the sources lack."""

from plotguide.engine.parsing import to_paragraph
from plotguide.engine.story import Line
from plotguide.engine.writer.guards import rejected_drafts, unstated_modality


def reasons(text: str, cited: str) -> list[str]:
    return list(unstated_modality(Line(text, (0,)), cited))


def test_a_faithful_retelling_passes():
    assert reasons("Holt dies on the pier.", "Holt is shot and dies on the pier.") == []


def test_an_added_negation_or_contraction_is_named():
    assert reasons("Anna does not open it.", "Anna opens the door.") == [
        "adds 'not', which its sources lack"
    ]
    assert reasons("Anna doesn't open it.", "Anna opens the door.") == [
        """adds "n't", which its sources lack"""
    ]


def test_a_fate_the_sources_only_attempt_is_rejected():
    found = reasons("Holt kills Anna.", "Holt tries to kill Anna.")
    assert found == ["states a fate its sources qualify with 'tries'"]
    assert reasons("Anna dies.", "Anna falls into the sea.") == [
        "states 'dies', which its sources do not"
    ]


def test_a_draft_citing_a_sentence_the_plot_lacks_is_rejected(engine, harbor):
    drafts = (
        ("summary[0]", Line(harbor.sentences[0].text, (0,))),
        ("summary[1]", Line("Nora leaves.", (999,))),
    )
    parse = lambda text: to_paragraph(engine.nlp(text), whole=True)[0]  # noqa: E731
    assert rejected_drafts(harbor, drafts, parse) == {
        "summary[1]": "cites [999], not all plot sentences"
    }


def test_a_whole_sentence_is_not_a_title(engine, harbor):
    first = harbor.sentences[0]
    drafts = (
        ("timeline.events[0].title", Line(first.text.rstrip("."), (0,))),
        ("timeline.events[1].title", Line("Nora Vance is a detective", (0,))),
        ("summary.paragraphs[0][0]", Line(first.text, (0,))),
    )
    parse = lambda text: to_paragraph(engine.nlp(text), whole=True)[0]  # noqa: E731
    words = len(first.text.split())
    assert rejected_drafts(harbor, drafts, parse) == {
        "timeline.events[0].title": f"is {words} words, not a title"
    }
