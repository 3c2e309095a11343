"""Matching plot names to credited people: who each name in the plot means."""

from plotguide.engine import CastCredit
from plotguide.engine.cast_match import Claim, claim_keys, credited_people

CAST = (
    CastCredit("Ann Bell", "Carol Thatcher", 0),
    CastCredit("Amy Bell", "Young Carol", 1),
    CastCredit("Bo Cole", "Tony Stark / Iron Man", 2),
    CastCredit("Cy Dunn", "Himself", 3),
)


def test_a_younger_credit_folds_into_the_adult_and_a_description_is_no_one():
    people = credited_people(CAST)
    assert [p.credit.character for p in people] == [
        "Carol Thatcher",
        "Tony Stark / Iron Man",
    ]
    assert [c.character for c in people[0].other_ages] == ["Young Carol"]
    assert [p.rank for p in people] == [0, 1]


def test_plot_names_are_claimed_by_the_person_whose_names_hold_them():
    people = credited_people(CAST)
    keys = [("carol",), ("stark",), ("iron", "man"), ("mars",)]
    claims, ambiguous = claim_keys(keys, people, lambda key: key == ("mars",))
    assert claims == {
        ("carol",): Claim(0, 0),
        ("stark",): Claim(1, 0),
        ("iron", "man"): Claim(1, 1),
    }
    assert ambiguous == set()
