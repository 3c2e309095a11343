"""Who a retold line's opening "he", "they" or "her" stands for."""

import pytest

from plotguide.engine import CastCredit
from plotguide.engine.referents import Openings, plot_name, short_name
from plotguide.engine.story import Character
from tests.engine.parsed import parse
from tests.engine.plots import film

PLOT = (
    "Ron joins the team, and he trains every morning. "
    "Ron says he can win a match. "
    "Ron hopes he will be picked. "
    "He forms a romance with Lavender. "
    "Baby goes to the resort, where she dances all night. "
    "Baby says she loves the music. "
    "Baby knows she must lie. "
    "She lies to her father. "
    "Dumbledore asks Harry to help him. "
    "They search the castle. "
    "Dumbledore and Harry leave the school at night. "
    "They travel to a far-away cave. "
    "Harry finds a book in the cave. "
    "This owner had written notes in it. "
    "Max, Neil and Tito arrive at the house on Friday. "
    "They eat dinner together."
)
CAST = tuple(
    CastCredit(f"Actor {n}", name, n)
    for n, name in enumerate(
        ("Ron", "Baby", "Johnny", "Harry", "Dumbledore", "Lavender", "Max", "Neil")
        + ("Tito",)
    )
)


@pytest.fixture(scope="module")
def openings(engine):
    story = engine.run(film(PLOT, cast=CAST))
    doc = next(engine.documents([film(PLOT, cast=CAST)]))
    return Openings(doc.sentences, story.characters), doc.sentences


def _index(sentences, text):
    return next(s.id for s in sentences if s.text.startswith(text))


def test_he_becomes_the_character_the_plot_makes_him(openings):
    named, sentences = openings
    index = _index(sentences, "He forms")
    text, cited = named.named("He forms a romance with Lavender.", index)
    assert text == "Ron forms a romance with Lavender."
    assert index in cited


def test_her_becomes_the_characters_possessive(openings):
    named, sentences = openings
    index = _index(sentences, "She lies")
    text, _ = named.named("Her father forbids it.", index)
    assert text == "Baby's father forbids it."


def test_they_becomes_the_two_people_of_the_sentence_before(openings):
    named, sentences = openings
    index = _index(sentences, "They travel")
    text, cited = named.named("They travel to a far-away cave.", index)
    assert text in (
        "Dumbledore and Harry travel to a far-away cave.",
        "Harry and Dumbledore travel to a far-away cave.",
    )
    assert index - 1 in cited


def test_they_after_three_people_or_a_pair_not_acting_together_stay_open(
    openings,
):
    named, sentences = openings
    index = _index(sentences, "They search")
    assert named.named("They search the castle.", index) is None
    index = _index(sentences, "They eat")
    assert named.named("They eat dinner together.", index) is None
    index = _index(sentences, "This owner")
    assert named.named("This owner had written notes in it.", index) is None


def test_a_line_that_opens_on_a_name_is_left_as_it_is(openings):
    named, sentences = openings
    index = _index(sentences, "Harry finds")
    text = "Harry finds a book."
    assert named.named(text, index) == (text, (index,))


def _person(name, *aliases):
    return Character(name, aliases, "supporting", 1.0, ())


def test_half_of_a_hyphenated_name_is_never_a_short_name():
    # "Spider-Man" gave Peter Parker the alias "Man": titles read "Man enters".
    peter = _person("Peter Parker", "Man", "Peter", "Spider", "Spider Man")
    assert short_name(peter) == "Peter"
    assert short_name(_person("Mary Jane Watson", "Mary Jane")) == "Mary Jane"
    assert short_name(_person("Norman Osborn", "Goblin", "Norman", "Osborn")) == (
        "Osborn"
    )


def test_a_character_is_called_what_the_plot_calls_them(engine):
    # Drive: Bernie Rose is "Bernie" throughout; "Rose stabs Driver" reads as
    # a woman named Rose.
    sentences = parse(
        engine,
        "Shannon persuades the mobster Bernie Rose to buy a car. Bernie agrees. "
        "Later Bernie stabs the Driver.",
    )
    assert plot_name(_person("Bernie Rose", "Bernie", "Rose"), sentences) == "Bernie"


def test_a_pronoun_before_its_own_clauses_subject_is_that_subject(engine):
    # No Country for Old Men: "His gun drawn, Bell enters Moss' room" was
    # retold as "Chigurh's gun drawn, Bell enters", after a line on Chigurh.
    plot = (
        "Chigurh says he wants the money. Chigurh knows he will find it. "
        "Chigurh thinks he is close. Chigurh waits at the motel. "
        "His gun drawn, Bell enters the room. "
        "When he sees the vent, Bell knows the money is gone."
    )
    cast = (
        CastCredit("Javier Bardem", "Chigurh", 1),
        CastCredit("T. Jones", "Bell", 0),
    )
    story = engine.run(film(plot, cast=cast))
    doc = next(engine.documents([film(plot, cast=cast)]))
    named = Openings(doc.sentences, story.characters)
    index = _index(doc.sentences, "His gun")
    text = "His gun drawn, Bell enters the room."
    assert named.named(text, index) == (text, (index,))
    index = _index(doc.sentences, "When he")
    text = "When he sees the vent, Bell knows the money is gone."
    assert named.named_inside(text, doc.sentences[index]) == (text, (index,))
    assert named.named("He waits.", _index(doc.sentences, "Chigurh waits"))[0] == (
        "Chigurh waits."
    )


def test_a_secret_identity_is_never_what_the_plot_calls_its_hero(engine):
    # The Mask: "Stanley Ipkiss / The Mask" made the titles read "Tilton tells
    # Mask he is a hero" and "Mask encounters Kellaway" of Stanley's scenes.
    stanley = _person("Stanley Ipkiss", "Mask", "Stanley")
    sentences = parse(
        engine,
        "Stanley finds a mask. It turns him into the Mask. The Mask dances "
        "with Tina. The Mask flees the club. Stanley meets Kellaway.",
    )
    assert short_name(stanley) == "Stanley"
    assert plot_name(stanley, sentences) == "Stanley"


def test_a_nickname_the_plot_uses_is_the_name_it_calls_her(engine):
    # Dirty Dancing: Frances "Baby" Houseman is Baby in every scene.
    baby = _person("Frances Houseman", "Baby", "Frances")
    sentences = parse(
        engine,
        "Frances, called Baby, arrives with her family. Baby meets Johnny. "
        "Baby learns the mambo. Baby dances with Johnny.",
    )
    assert plot_name(baby, sentences) == "Baby"
