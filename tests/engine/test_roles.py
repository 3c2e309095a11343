"""Roles: who the story follows and who works against them."""

from plotguide.engine import CastCredit
from plotguide.engine.roles import Candidate, protagonist
from tests.engine.plots import film

CAST = (
    CastCredit("Ann Bell", "Mara Quill", 0),
    CastCredit("Carl Dunn", "Holt", 1),
    CastCredit("Bo Cole", "Tobias", 2),
)


def roles(engine, plot: str) -> dict[str, str]:
    story = engine.run(film(plot, cast=CAST))
    return {c.name: c.role for c in story.characters}


def test_the_one_who_attacks_the_protagonist_twice_is_the_antagonist(engine):
    plot = (
        "Mara Quill keeps the lighthouse on Skerry. "
        "Holt threatens Mara with a pistol. "
        "Holt attacks Mara on the stairs. "
        "Mara escapes and signals the police. "
        "Tobias helps Mara."
    )
    assert roles(engine, plot) == {
        "Mara Quill": "protagonist",
        "Holt": "antagonist",
        "Tobias": "supporting",
    }


def test_a_single_hostile_act_does_not_make_an_antagonist(engine):
    plot = (
        "Mara Quill keeps the lighthouse on Skerry. "
        "Holt threatens Mara with a pistol. "
        "Mara escapes and signals the police. "
        "Tobias helps Mara and Holt."
    )
    assert "antagonist" not in roles(engine, plot).values()


def test_the_top_billed_credit_leads_when_the_plot_gives_them_half_the_weight():
    assert protagonist([Candidate((), 1.0, 1), Candidate((), 0.6, 0)]) == 1
    assert protagonist([Candidate((), 1.0, 1), Candidate((), 0.4, 0)]) == 0
    assert protagonist([Candidate((), 0.2, None), Candidate((), 0.9, None)]) == 1
