"""Parsing: spaCy sentences as Tokens; a short fragment stays with its neighbour."""

import pytest

from plotguide.engine import ModelError
from plotguide.engine.parsing import load_model, to_paragraph
from plotguide.engine.sentences import render


def test_a_fragment_too_short_to_stand_alone_joins_the_sentence_before(engine):
    doc = engine.nlp("Anna finds a key. Oh no. She opens the old door.")
    sentences = [" ".join(t.text for t in s) for s in to_paragraph(doc)]
    assert sentences == ["Anna finds a key . Oh no .", "She opens the old door ."]


def test_heads_point_inside_their_own_sentence(engine):
    doc = engine.nlp("Anna finds a key. She opens the old door.")
    for sentence in to_paragraph(doc):
        assert all(0 <= t.head < len(sentence) for t in sentence)
    [whole] = to_paragraph(doc, whole=True)
    assert len(whole) == len(doc)
    assert whole[1].lemma == "find" and whole[1].dep == "ROOT"


def test_a_missing_model_names_the_setting_and_the_fix():
    with pytest.raises(ModelError, match="spacy_model names 'no_such_model_xx'"):
        load_model("no_such_model_xx")


def texts(engine, plot: str) -> list[str]:
    return [render(tokens) for tokens in to_paragraph(engine.nlp(plot))]


def test_a_quotation_is_never_split_while_it_continues(engine):
    # It's a Wonderful Life: "P.S. Thanks for the wings! Love, Clarence."" had
    # been a sentence of its own, shown as a timeline event's title.
    plot = (
        "George finds a copy of The Adventures of Tom Sawyer with the inscription, "
        '"Dear George: Remember no man is a failure who has friends. P.S. Thanks '
        'for the wings! Love, Clarence." A bell rings, and his daughter Zuzu '
        "remembers that it means an angel has earned his wings."
    )
    assert texts(engine, plot) == [
        "George finds a copy of The Adventures of Tom Sawyer with the inscription, "
        '"Dear George: Remember no man is a failure who has friends. P.S. Thanks '
        'for the wings! Love, Clarence."',
        "A bell rings, and his daughter Zuzu remembers that it means an angel has "
        "earned his wings.",
    ]


def test_a_long_speech_is_split_as_before(engine):
    # Dirty Dancing: a quotation longer than a sentence or two is split, so a
    # quote mark the source never closed cannot glue a paragraph together.
    plot = (
        'Johnny says, "Sorry about the disruption, folks, but I always do the last '
        "dance of the season. This year somebody told me not to. So I'm gonna do "
        "my kind of dancin' with a great partner, who's not only a terrific dancer, "
        "but somebody who taught me that there are people willing to stand up for "
        "other people no matter what it costs them. Somebody who taught me about "
        'the kind of person I want to be: Miss Frances Houseman." At the final '
        "talent show of the season, Jake gives Robbie a check to help defray the "
        "costs of medical school."
    )
    assert len(texts(engine, plot)) == 5


def test_a_lowercase_continuation_stays_with_its_sentence(engine):
    # The Adventures of Hajji Baba and Vanishing on 7th Street: spaCy had
    # split before "and", leaving "and she escapes …" as a sentence.
    plot = (
        "But a courier brings word from Nur-El-Din that an escort awaits Fawzia "
        "on the outskirts of the city and she escapes the palace disguised as a "
        "boy. Hajji encounters the escort-warrior at the rendezvous spot."
    )
    assert texts(engine, plot)[0].endswith(
        "and she escapes the palace disguised as a boy."
    )
    plot = (
        "As James cowers under the glow of candles, which begin to go out, he "
        'pleads with the darkness "I exist." and all but one candle goes out. '
        "James wakes to daylight."
    )
    assert texts(engine, plot)[0].endswith(
        '"I exist." and all but one candle goes out.'
    )


def test_a_lowercase_start_after_a_full_stop_is_left_apart(engine):
    # Raghu Romeo: the source's own full stop; the fragment is not glued on.
    plot = (
        "Ankur Goyal is a guileless man. who hails from a lower middle class "
        "family. He is a 30-year-old waiter henpecked by his mother."
    )
    assert texts(engine, plot)[:2] == [
        "Ankur Goyal is a guileless man.",
        "who hails from a lower middle class family.",
    ]


def test_no_sentence_starts_after_a_lowercase_word(engine):
    """Face/Off: spaCy split after "taunts", and "Archer, revealing he will
    now take over his life" became a sentence that made Archer the taunter."""
    text = (
        "Just as Archer contacts the police to pass along the information, "
        "Castor arrives at the prison and taunts Archer, revealing he will now "
        "take over his life, including Archer's wife Eve and teenage daughter "
        "Jamie. Archer escapes from the prison during a riot."
    )
    sentences = [" ".join(t.text for t in s) for s in to_paragraph(engine.nlp(text))]
    assert len(sentences) == 2
    assert sentences[0].startswith("Just as Archer")
    assert sentences[1].startswith("Archer escapes")


def test_no_sentence_starts_after_a_short_title(engine):
    # Tank Girl's events read "Jet kills Sgt" and "Small, who previously ...".
    plot = (
        "The Rippers decimate the Water & Power personnel. Jet Girl kills Sgt. "
        "Small, who previously had been sexually harassing her, while Tank Girl "
        "rescues Sam. Dr. Smith leaves the town at dawn."
    )
    assert texts(engine, plot) == [
        "The Rippers decimate the Water & Power personnel.",
        "Jet Girl kills Sgt. Small, who previously had been sexually harassing her, "
        "while Tank Girl rescues Sam.",
        "Dr. Smith leaves the town at dawn.",
    ]
