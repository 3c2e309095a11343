"""Names: which credits and plot names name a person, and how the parse votes."""

import pytest

from plotguide.engine.names import (
    credit_name_words,
    find_mentions,
    is_family_plural,
    is_group_name,
    is_named_credit,
    vote,
)
from tests.engine.parsed import parse


@pytest.mark.parametrize(
    ("character", "is_named"),
    [
        ("Jim Raynor", True),
        ("Lt. Greenhill", True),
        ("Walt, City Worker", True),
        ("DEA Guy", False),
        ("Party Patron #1", False),
        ("Himself - Myspace Founder", False),
    ],
)
def test_a_credit_names_someone_unless_its_head_noun_is_a_role(character, is_named):
    assert is_named_credit(character) is is_named


def test_institutions_titles_and_numbers_are_not_people():
    assert [is_group_name(n) for n in ("CIA", "King", "One")] == [True, True, True]
    assert [is_group_name(n) for n in ("A.J.", "Anna")] == [False, False]


def test_a_known_surname_made_plural_is_a_family():
    surnames = frozenset({"gallagher"})
    assert is_family_plural(("gallaghers",), surnames)
    assert not is_family_plural(("anna",), surnames)


def test_a_credits_name_words_drop_the_title_and_where_they_are_from():
    assert credit_name_words("Mr. Jameson from Chicago") == ["Jameson"]


def test_mentions_keep_their_title_and_the_parse_votes_person_or_place(engine):
    sentences = parse(
        engine, "Captain Walter Greaves meets Nora Vance in Boston. Nora calls."
    )
    mentions = find_mentions(sentences)
    [greaves] = [m for m in mentions if m.key == ("walter", "greaves")]
    assert (greaves.surface, greaves.title) == ("Walter Greaves", "Captain")
    votes = vote(sentences, mentions)
    assert votes[("nora", "vance")].person == 1
    assert votes[("boston",)].place == 1 and votes[("boston",)].person == 0
