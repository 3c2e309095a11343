"""Reading cast credits: the names a part gives, its title, nicknames, age and note."""

import pytest

from plotguide.engine import CastCredit
from plotguide.engine.credits import name_word, read_credit, read_part, split_words


def parts(character: str, plot_names: frozenset[str] = frozenset()) -> list[str]:
    credit = read_credit(CastCredit("Ann Bell", character), plot_names)
    return [part.text for part in credit.parts]


@pytest.mark.parametrize(
    ("character", "names"),
    [
        ("Jim Raynor", ["Jim Raynor"]),
        ("Bruce Wayne / Batman", ["Bruce Wayne", "Batman"]),
        ("Tony Stark / Iron Man", ["Tony Stark", "Iron Man"]),
        ("Himself", []),
        ("Cop #2", []),
        ("Bouncer at Planet Hollywood", []),
        # The Pursuit of Happyness: this credit took the plot's "Chris" from
        # Will Smith's Chris Gardner and made its actor the protagonist.
        ("Driver Who Hits Chris", []),
        ("Cop Who Captures Neo", []),
        # Clash of the Titans: a character "Argos", the city.
        ("Citizen (Argos)", []),
        # The Town: "Boston P.D." made the city a character.
        ("Boston P.D. (uncredited)", []),
        ("LAPD", []),
    ],
)
def test_a_credit_gives_the_names_it_names_and_none_for_a_description(character, names):
    assert parts(character) == names


def test_titles_nicknames_ages_and_notes_are_read_apart_from_the_name():
    [general] = read_credit(CastCredit("X", "General 'Buck' Turgidson")).parts
    assert (general.text, general.title, general.nicknames) == (
        "Turgidson",
        "General",
        (("buck",),),
    )
    [lucy] = read_credit(CastCredit("X", "Lucy 18 Months")).parts
    assert (lucy.text, lucy.age) == ("Lucy", "young")
    voice = read_credit(CastCredit("X", "Bud (voice)"))
    assert (voice.note, voice.parts[0].text) == ("voice", "Bud")


def test_a_describing_part_names_someone_when_the_plot_writes_it_as_a_name():
    assert parts("Driver") == []
    assert parts("Driver", frozenset({"Driver"})) == ["Driver"]


def test_name_words_meet_across_spellings():
    assert name_word("A.J.") == name_word("AJ") == "aj"
    assert name_word("Mongkut's") == "mongkut"
    assert name_word("Brüno") == "bruno"
    assert split_words("Jor-El Kent") == ["Jor", "El", "Kent"]


def test_a_description_before_the_comma_gives_way_to_the_name_after_it():
    read = read_credit(CastCredit("Cung Le", "Qing assassin, Sa Zhenchan", 15))
    assert [part.text for part in read.parts] == ["Sa Zhenchan"]
    read = read_credit(CastCredit("Someone", "Walt, City Worker", 3))
    assert [part.text for part in read.parts] == ["Walt"]


def test_a_ships_pirate_is_a_described_part_not_the_ship():
    # Dead Man's Chest had listed the ship "Black Pearl" as a character
    # played by Jonathan Kite, credited as "Black Pearl Pirate".
    assert parts("Black Pearl Pirate") == []
    assert parts("Jack Sparrow") == ["Jack Sparrow"]


@pytest.mark.parametrize(
    "part", ["Taj Mahal Guide", "Ellis Island Dignitary", "British Diplomat"]
)
def test_a_part_named_for_a_place_or_a_nation_describes_a_person(part):
    # Slumdog Millionaire's "Taj Mahal Guide" made the Taj Mahal a character.
    assert read_part(part) is None
