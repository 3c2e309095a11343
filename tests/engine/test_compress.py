"""Compressing a sentence: side clauses go first, the main clause never changes."""

from plotguide.engine.compress import compress, first_deeds, word_count
from tests.engine.parsed import parse

LONG = (
    "Anna, who had lived in the old house on the hill for many years, "
    "finds a key under the mat."
)


def test_a_side_clause_goes_when_the_sentence_is_too_long(engine):
    [sentence] = parse(engine, LONG)
    assert compress(sentence, 8) == "Anna finds a key under the mat."


def test_a_sentence_that_fits_is_left_whole(engine):
    [sentence] = parse(engine, LONG)
    assert compress(sentence, 40) == LONG


def test_a_long_chain_of_deeds_keeps_its_first_deed(engine):
    [sentence] = parse(
        engine,
        "Ron wins the match, and Harry kisses Ginny, and Hermione leaves the party.",
    )
    shortened = first_deeds(sentence, 5)
    assert shortened == "Ron wins the match."
    assert word_count(shortened) == 4


def test_what_a_feeling_is_like_is_never_cut(engine):
    [sentence] = parse(
        engine,
        "At the ceremony, Sharon tries talking to her father but he tells her "
        "that he feels like he doesn't have a daughter.",
    )
    assert compress(sentence, 10).endswith("he feels like he doesn't have a daughter.")


def test_a_cut_never_leaves_half_a_quotation(engine):
    # The Mask's ending read 'in the mask's voice." and kiss again.'
    [sentence] = parse(
        engine,
        "As the sun rises the following day, Stanley, Tina, Milo, and Charlie take "
        "the mask back down to the harbor, where Tina throws it into the water and "
        "she and Stanley begin to kiss before Stanley can say in the mask's voice, "
        '"Smoking." and kiss again.',
    )
    for limit in (45, 30):
        assert compress(sentence, limit).count('"') % 2 == 0


def test_first_deeds_never_joins_the_pieces_of_two_parsed_sentences(engine):
    # The Town: the parser ends a sentence inside this one ("either so she
    # decides" is a second root); cutting "and he persuades her ..." left
    # "... realizes the truth either so she decides not to tell the police."
    text = (
        "He knows that Jem will kill her if he realizes the truth, and he "
        "persuades her that the authorities cannot protect her either so she "
        "decides not to tell the police."
    )
    [sentence] = parse(engine, text)
    assert sum(1 for i, t in enumerate(sentence.tokens) if t.head == i) == 2
    assert first_deeds(sentence, 12) == text


def test_a_deed_no_and_opens_is_not_cut(engine):
    # The Last King of Scotland: "... and decides killing him." (the parser
    # made "will end it all" a deed of its own).
    text = (
        "Garrigan finds her savagely mutilated corpse on an autopsy table and falls "
        "retching to his knees, finally confronting the palpable inhumanity of "
        "Amin's regime and decides killing him will end it all."
    )
    (sentence,) = parse(engine, text)
    shortened = first_deeds(sentence, 30)
    assert not shortened.endswith("decides killing him.")
    assert "killing him will end it all" in shortened or "decides" not in shortened
