"""A written description must describe, in its sources, the person it describes."""

import pytest

from plotguide.engine.parsing import to_paragraph
from plotguide.engine.writer.attribution import misattributed, people_index

PADUA = (
    "Cameron James, a new student at Padua High School, is given a tour of the "
    "school by Michael Eckman, an A.V. geek.",
    "During the tour, Cameron notices the beautiful and popular Bianca Stratford "
    "and he is immediately smitten with her.",
    "Michael warns Cameron that Bianca is shallow and conceited, and that her "
    "domineering father does not allow her to date.",
)
PEOPLE = people_index(
    [
        ("Cameron James", ("Cameron",)),
        ("Bianca Stratford", ("Bianca",)),
        ("Kat Stratford", ("Kat",)),
        ("Michael Eckman", ("Michael",)),
    ]
)


@pytest.fixture(scope="module")
def parse(engine):
    return lambda text: to_paragraph(engine.nlp(text), whole=True)[0]


def reasons(parse, written: str) -> list[str]:
    return list(misattributed(parse(written), [parse(s) for s in PADUA], PEOPLE))


def test_a_description_moved_to_another_person_is_named(parse):
    # The 0.5B model's spoiler-free line for 10 Things I Hate About You, which
    # every word-level check had kept: Cameron is the new student.
    written = (
        "The story is about Bianca Stratford and Kat, a new student at Padua High "
        "School who is given a tour of the school by Michael Eckman."
    )
    assert reasons(parse, written) == [
        "describes Bianca Stratford or Kat Stratford as 'a new student at Padua "
        "High School who is given a tour of the school by Michael Eckman', which "
        "its sources say of Cameron James"
    ]
    assert reasons(parse, "Cameron, an A.V. geek, gives Michael a tour.") == [
        "describes Cameron James as 'an A.V. geek', which its sources say of "
        "Michael Eckman"
    ]
    assert reasons(parse, "Cameron, who is shallow and conceited, meets Bianca.") == [
        "describes Cameron James as 'who is shallow and conceited', which its "
        "sources say of Bianca Stratford"
    ]


@pytest.mark.parametrize(
    "written",
    [
        "Cameron James, a new student at Padua High School, is given a tour.",
        "Michael Eckman, an A.V. geek, gives Cameron a tour of the school.",
        "Cameron notices Bianca, who is beautiful and popular.",
        "Bianca, who is shallow and conceited, has a domineering father.",
        "Cameron, who is smitten with Bianca, is a new student.",
        "Cameron James is a new student at Padua High School.",
    ],
)
def test_a_description_of_the_person_its_sources_describe_passes(parse, written):
    assert reasons(parse, written) == []


def test_a_description_of_people_joined_by_and_may_describe_either(parse):
    source = parse(
        "Delacroix recruits two street performers, Manray (named after Man Ray) "
        "and Womack -- homeless squatters who perform outside CNS."
    )
    written = parse(
        "Delacroix recruits two street performers, Manray and Womack -- homeless "
        "squatters who perform outside CNS."
    )
    people = people_index([("Manray", ()), ("Womack", ()), ("Delacroix", ())])
    assert list(misattributed(written, [source], people)) == []


def test_a_sentence_always_agrees_with_itself(parse):
    beloved = (
        "Paul D, an old friend from Sweet Home, the plantation Sethe had escaped "
        "from years earlier, finds Sethe's home, where he drives off the angry "
        "spirit."
    )
    people = people_index([("Paul D.", ("Paul D",)), ("Sethe", ())])
    assert list(misattributed(parse(beloved), [parse(beloved)], people)) == []
